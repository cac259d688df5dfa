import { USER_POOL } from '#commons/user-pool';

// Words shared by the account screens: the rules a person must meet, said before they type.

export const USERNAME_HINT = '영어 소문자로 시작하는 4~20자로, 영어 소문자·숫자·밑줄(_)만 쓸 수 있습니다.';

export const PASSWORD_HINT = `${USER_POOL.passwordPolicy.minLength}자 이상으로, 영어 소문자·숫자·특수문자(!, @, # 등)를 하나 이상 넣어 주세요.`;

export const PHONE_HINT = '인증번호를 받을 휴대전화 번호입니다. 예: 010-1234-5678';

export const CODE_HINT = '숫자 6자리입니다. 예: 123456';
