// Korean particles after a word that is only known at run time (a column name, a number, a person's
// name): 이름이 but 사원번호가, 12는 but 13은. Reads the last letter or digit as it is pronounced.

/** Digits whose Korean reading ends in a consonant (영 일 삼 육 칠 팔), and those ending in ㄹ (일 칠 팔). */
const DIGIT_FINAL = '0136780';
const DIGIT_RIEUL = '178';
/** Latin letters whose Korean reading ends in a consonant (엘 엠 엔 알), and in ㄹ (엘 알). */
const LETTER_FINAL = 'LMNR';
const LETTER_RIEUL = 'LR';

/** 0: no final consonant, 1: a final consonant, 2: final ㄹ (which takes 로, not 으로). */
function finalOf(word: string): 0 | 1 | 2 {
  for (let i = word.length - 1; i >= 0; i--) {
    const char = word[i]!;
    const code = char.charCodeAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) {
      const final = (code - 0xac00) % 28;
      return final === 0 ? 0 : final === 8 ? 2 : 1;
    }
    if (/\d/.test(char)) return DIGIT_RIEUL.includes(char) ? 2 : DIGIT_FINAL.includes(char) ? 1 : 0;
    if (/[a-z]/i.test(char)) {
      const upper = char.toUpperCase();
      return LETTER_RIEUL.includes(upper) ? 2 : LETTER_FINAL.includes(upper) ? 1 : 0;
    }
    // Quotes, brackets and spaces after a word do not change its particle.
  }
  return 0;
}

/** 이름이 / 사원번호가 */
export const subject = (word: string) => word + (finalOf(word) ? '이' : '가');
/** 이름은 / 사원번호는 */
export const topic = (word: string) => word + (finalOf(word) ? '은' : '는');
/** 이름을 / 사원번호를 */
export const object = (word: string) => word + (finalOf(word) ? '을' : '를');
/** 근무일과 / 날짜와 */
export const and = (word: string) => word + (finalOf(word) ? '과' : '와');
/** 출근으로 / 날짜로 / 퇴근일로 */
export const toward = (word: string) => word + (finalOf(word) === 1 ? '으로' : '로');
