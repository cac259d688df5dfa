import { missing, type Problem } from '../components/form-problems.ts';

// The form that sets a new password with the code sent by SMS (비밀번호 재설정, and 회원정보수정's
// 비밀번호 바꾸기): the code, the new password twice. One reading of it for both screens.

export interface NewPasswordAnswer {
  code: string;
  password: string;
  problems: Problem[];
}

export function readNewPassword(form: HTMLFormElement): NewPasswordAnswer {
  const values = new FormData(form);
  const code = String(values.get('code') ?? '').replace(/\s/g, '');
  const password = String(values.get('password') ?? '');
  const problems = missing(form, [
    ['code', '인증번호를 입력해 주세요.'],
    ['password', '새 비밀번호를 입력해 주세요.'],
    ['passwordConfirm', '새 비밀번호를 한 번 더 입력해 주세요.'],
  ]);
  if (!problems.length && password !== values.get('passwordConfirm')) {
    problems.push({ field: 'passwordConfirm', message: '두 비밀번호가 다릅니다. 같은 비밀번호를 입력해 주세요.' });
  }
  return { code, password, problems };
}
