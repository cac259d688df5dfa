import { existsSync, readFileSync } from 'node:fs';
import { appendOutboxEntry, type OutboundMessage, type OutboxEntry } from '#commons/outbox';
import { koreaSecond } from '#kernel/korea-time';
import type { CapturedCode } from './cognito.ts';

/** What each Cognito code is for, as the SMS text says it. */
const CODE_TEXT: Record<string, (code: string) => string> = {
  Authentication: (code) => `[근로지원인 플랫폼] 로그인 인증번호는 ${code}입니다. 다른 사람에게 알려 주지 마세요.`,
  SignUp: (code) => `[근로지원인 플랫폼] 회원가입 휴대전화 인증번호는 ${code}입니다.`,
  ResendCode: (code) => `[근로지원인 플랫폼] 회원가입 휴대전화 인증번호는 ${code}입니다.`,
  ForgotPassword: (code) => `[근로지원인 플랫폼] 비밀번호 재설정 인증번호는 ${code}입니다.`,
  UpdateUserAttribute: (code) => `[근로지원인 플랫폼] 휴대전화 번호 확인 인증번호는 ${code}입니다.`,
  VerifyUserAttribute: (code) => `[근로지원인 플랫폼] 휴대전화 번호 확인 인증번호는 ${code}입니다.`,
  AdminCreateUser: (code) => `[근로지원인 플랫폼] 임시 비밀번호는 ${code}입니다. 처음 로그인할 때 바꿔 주세요.`,
};

const CHANNEL_LABEL: Record<OutboundMessage['channel'], string> = {
  sms: '문자(SMS)',
  email: '전자우편',
  notification: '알림',
};

/** A phone number in any common spelling (+82 10-…, 010-…, 010…) reduced to 010XXXXXXXX. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('82') ? `0${digits.slice(2)}` : digits;
}

/**
 * The local outbox: every SMS and notification the stack "sends", one JSON line each in the data
 * directory, shown at /local/outbox and as JSON at /local/outbox.json?to=<phone or username>.
 * Handlers append through functions/commons/outbox.ts; Cognito's codes arrive via captureCode.
 */
export class LocalOutbox {
  constructor(readonly file: string) {}

  append(message: OutboundMessage): OutboxEntry {
    return appendOutboxEntry(this.file, message);
  }

  captureCode(captured: CapturedCode): OutboxEntry {
    const text = (CODE_TEXT[captured.source] ?? CODE_TEXT.Authentication!)(captured.code);
    return this.append({
      channel: captured.channel,
      to: captured.to,
      username: captured.username,
      text,
      source: captured.source,
      code: captured.code,
    });
  }

  /** Newest first; `to` matches a phone number in any spelling, or a login ID. */
  list(filter: { to?: string } = {}): OutboxEntry[] {
    if (!existsSync(this.file)) return [];
    const entries = readFileSync(this.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as OutboxEntry];
        } catch {
          return [];
        }
      });
    const to = filter.to?.trim();
    const matching = to ? entries.filter((entry) => matches(entry, to)) : entries;
    return matching.reverse();
  }
}

function matches(entry: OutboxEntry, to: string): boolean {
  if (entry.username && entry.username.toLowerCase() === to.toLowerCase()) return true;
  if (entry.to.toLowerCase() === to.toLowerCase()) return true;
  const phone = normalisePhone(to);
  return phone.length >= 10 && normalisePhone(entry.to) === phone;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The local-only outbox page: plain, accessible HTML (no script), newest message first. */
export function renderOutboxPage(entries: OutboxEntry[], filter: { to?: string }): string {
  const to = filter.to ?? '';
  const rows = entries
    .map(
      (entry) => `<tr>
        <td>${escapeHtml(koreaSecond(entry.at))}</td>
        <td>${escapeHtml(CHANNEL_LABEL[entry.channel] ?? entry.channel)}</td>
        <td>${escapeHtml(entry.to)}</td>
        <td>${escapeHtml(entry.username ?? '')}</td>
        <td>${escapeHtml(entry.text)}</td>
        <td>${entry.code ? `<strong class="code">${escapeHtml(entry.code)}</strong>` : ''}</td>
      </tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>로컬 발송함 | 근로지원인 플랫폼 (로컬 전용)</title>
<style>
  body { font-family: system-ui, 'Noto Sans KR', sans-serif; margin: 0; padding: 1rem 1.5rem; color: #1e2124; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { border: 1px solid #b1b8be; padding: .5rem; text-align: left; vertical-align: top; }
  th { background: #f4f5f6; }
  .code { font-size: 1.25rem; letter-spacing: .1em; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input { padding: .5rem; font-size: 1rem; min-width: 16rem; }
  button, a.button { padding: .5rem 1rem; font-size: 1rem; margin-left: .25rem; }
  .note { background: #fff8e1; border-left: 4px solid #c58a00; padding: .5rem 1rem; }
</style>
</head>
<body>
<header><p class="note">이 페이지는 로컬 실행(npm start)에서만 열립니다. 실제 문자는 보내지 않고, 보냈을 문자와 알림을 여기에 모아 보여 줍니다.</p></header>
<main>
<h1>로컬 발송함</h1>
<form method="get" action="/local/outbox">
  <label for="to">받는 사람 (휴대전화 번호 또는 아이디)</label>
  <input id="to" name="to" value="${escapeHtml(to)}" autocomplete="off">
  <button type="submit">찾기</button>
  <a class="button" href="/local/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}">새로 고침</a>
</form>
<table>
  <caption>${to ? `"${escapeHtml(to)}"에게 보낸 ` : '보낸 '}문자와 알림 ${entries.length}건 (최근 것부터)</caption>
  <thead><tr><th scope="col">보낸 시각</th><th scope="col">종류</th><th scope="col">받는 사람</th><th scope="col">아이디</th><th scope="col">내용</th><th scope="col">인증번호</th></tr></thead>
  <tbody>
${rows || '<tr><td colspan="6">아직 보낸 문자나 알림이 없습니다.</td></tr>'}
  </tbody>
</table>
</main>
</body>
</html>`;
}
