// Domain errors are typed at the source and mapped to HTTP at the edge (http/handler.ts).
// Every message is Korean, addressed to the user, and says what to fix.

export interface FieldProblem {
  /** dotted path of the field in the request, e.g. "body.address.sidoCode" */
  field: string;
  /** what the user sees as the field's name */
  label: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number = 500;
  readonly code: string = 'INTERNAL';
}

export class ValidationFailed extends DomainError {
  override readonly status = 422;
  override readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly fields: FieldProblem[],
    message = '입력한 내용을 확인해 주세요.',
  ) {
    super(message);
  }
}

/**
 * A rule's problems with fields of the request body, as one 422: each named by its label (the full
 * path's, else its first segment's), and all their messages in the summary.
 */
export function failOnBodyProblems(
  problems: readonly { field: string; message: string }[],
  labels: Record<string, string>,
  prefix = '',
): never {
  const fields: FieldProblem[] = problems.map((p) => ({
    field: `body.${prefix}${p.field}`,
    label: labels[`${prefix}${p.field}`] ?? labels[p.field.split('.')[0]!] ?? p.field,
    message: p.message,
  }));
  throw new ValidationFailed(fields, `입력한 내용을 확인해 주세요: ${fields.map((f) => f.message).join(' ')}`);
}

export class NotFound extends DomainError {
  override readonly status = 404;
  override readonly code = 'NOT_FOUND';
  constructor(what: string) {
    super(`${what}을(를) 찾을 수 없습니다. 주소나 선택한 항목을 확인해 주세요.`);
  }
}

export class Unauthenticated extends DomainError {
  override readonly status = 401;
  override readonly code = 'UNAUTHENTICATED';
  constructor(message = '로그인이 필요합니다. 다시 로그인해 주세요.') {
    super(message);
  }
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  override readonly code = 'FORBIDDEN';
  constructor(message = '이 정보에 접근할 권한이 없습니다.') {
    super(message);
  }
}

/**
 * A conditional write lost a race, the revision the person saw is no longer the record's, the step was
 * already taken (이미 발행/처리/종료…), or the record the request would create already exists: 409,
 * whatever the route. The code may say which (STALE, ALREADY_DECIDED, …); the status says "conflict".
 */
export class Conflict extends DomainError {
  override readonly status = 409;
  override readonly code: string;
  constructor(message: string, code = 'CONFLICT') {
    super(message);
    this.code = code;
  }
}

/** The request is well-formed but breaks a business rule; the message says which and how to fix it. */
export class RuleViolation extends DomainError {
  override readonly status = 400;
  override readonly code: string;
  constructor(message: string, code = 'RULE_VIOLATION') {
    super(message);
    this.code = code;
  }
}

/** The login is locked for a while (too many wrong passwords); the message says until when. */
export class Locked extends DomainError {
  override readonly status = 423;
  override readonly code = 'LOCKED';
}
