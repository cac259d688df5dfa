// 주민등록번호 (resident registration number) rules, pure. Since October 2020 the last six digits
// are random, so no check digit is enforced; the birth date and the 7th digit are.

export function normaliseRrn(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Korean message naming what is wrong, or undefined when the number is well-formed. */
export function rrnProblem(input: string): string | undefined {
  const rrn = normaliseRrn(input);
  if (!/^\d{13}$/.test(rrn)) return '주민등록번호는 숫자 13자리로 입력해 주세요. (예: 900101-1234567)';
  const centuryDigit = Number(rrn[6]);
  const century = centuryOf(centuryDigit);
  if (century === undefined) return '주민등록번호 뒷자리 첫 숫자는 1~8 중 하나여야 합니다.';
  const year = century + Number(rrn.slice(0, 2));
  const month = Number(rrn.slice(2, 4));
  const day = Number(rrn.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return '주민등록번호 앞자리(생년월일)가 실제 날짜가 아닙니다. 다시 확인해 주세요.';
  }
  return undefined;
}

function centuryOf(digit: number): number | undefined {
  if (digit === 1 || digit === 2 || digit === 5 || digit === 6) return 1900;
  if (digit === 3 || digit === 4 || digit === 7 || digit === 8) return 2000;
  return undefined;
}

/** 900101-1****** — the only form shown anywhere unless a full view is requested with a reason. */
export function maskRrn(input: string): string {
  const rrn = normaliseRrn(input);
  return `${rrn.slice(0, 6)}-${rrn.slice(6, 7)}******`;
}

/** 010-****-5678: phones in lists and exports. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}

/** 홍*동 / 김* — names in exports and logs-adjacent views. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
