// The columns the attendance importer understands (README "출퇴근 자료 열"), and how a header row is
// recognised. One table defines them; the header detection, the error messages and the README all
// read from it.
//
// A header cell matches an alias after normalisation: Unicode NFC, lower case, anything in brackets
// dropped ("출근시간(HH:MM)" → "출근시간"), spaces and punctuation dropped ("출근 시간" → "출근시간").
// Matching is exact after that, never by substring, so "출근일정" (a planned time) is never taken
// for "출근" (the recorded time).

export type FieldKey =
  | 'employeeNumber'
  | 'phone'
  | 'name'
  | 'date'
  | 'clockIn'
  | 'clockOut'
  | 'schedule'
  | 'breakTime'
  | 'workplace'
  | 'note';

export interface ColumnSpec {
  key: FieldKey;
  /** what the user sees as the column's name */
  label: string;
  /** header names accepted, as a person would write them */
  aliases: readonly string[];
  /** required: always; identifier: one of the identifier columns is required; optional: used when present */
  need: 'required' | 'identifier' | 'optional';
}

export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'employeeNumber',
    label: '사원번호',
    aliases: ['사원번호', '직원번호', '사번', '사원코드', '직원코드', '근로자번호', 'employee number', 'employee no'],
    need: 'identifier',
  },
  {
    key: 'phone',
    label: '휴대전화',
    aliases: [
      '휴대전화',
      '휴대전화번호',
      '휴대폰',
      '휴대폰번호',
      '핸드폰',
      '핸드폰번호',
      '전화번호',
      '연락처',
      'phone',
      'mobile',
    ],
    need: 'identifier',
  },
  {
    key: 'name',
    label: '이름',
    aliases: ['이름', '성명', '직원명', '직원이름', '사원명', '근로자명', '근로지원인', '근로지원인명', 'name'],
    need: 'required',
  },
  {
    key: 'date',
    label: '날짜',
    aliases: ['날짜', '근무일', '근무일자', '근무날짜', '일자', '출근일', '출근일자', 'date'],
    need: 'required',
  },
  {
    key: 'clockIn',
    label: '출근',
    aliases: [
      '출근',
      '출근시간',
      '출근시각',
      '출근일시',
      '출근기록',
      '실제출근',
      '실제출근시간',
      '실제출근시각',
      'clock in',
    ],
    need: 'required',
  },
  {
    key: 'clockOut',
    label: '퇴근',
    aliases: [
      '퇴근',
      '퇴근시간',
      '퇴근시각',
      '퇴근일시',
      '퇴근기록',
      '실제퇴근',
      '실제퇴근시간',
      '실제퇴근시각',
      'clock out',
    ],
    need: 'required',
  },
  { key: 'schedule', label: '근무일정', aliases: ['근무일정', '일정', '스케줄', '근무스케줄'], need: 'optional' },
  { key: 'breakTime', label: '휴게시간', aliases: ['휴게시간', '휴게', '휴식시간'], need: 'optional' },
  {
    key: 'workplace',
    label: '근무지',
    aliases: ['근무지', '근무장소', '근무지점', '지점', '사업장'],
    need: 'optional',
  },
  { key: 'note', label: '비고', aliases: ['비고', '메모', '특이사항'], need: 'optional' },
];

export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((column) => [column.key, column])) as Record<
  FieldKey,
  ColumnSpec
>;

/** Identifier columns in order of preference: an employee number names one person; a phone needs the name too. */
export const IDENTIFIER_KEYS = ['employeeNumber', 'phone'] as const satisfies readonly FieldKey[];
export const REQUIRED_KEYS = ['name', 'date', 'clockIn', 'clockOut'] as const satisfies readonly FieldKey[];

/** How many non-blank rows at the top of a sheet may come before the header (titles, export notes). */
export const HEADER_SEARCH_ROWS = 10;

const BRACKETED = /[([{（［【<].*?[)\]}）］】>]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

export function normalizeHeader(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(BRACKETED, '').replace(NOT_LETTER_OR_DIGIT, '');
}

const KEY_BY_ALIAS = new Map<string, FieldKey>();
for (const column of COLUMNS) {
  for (const alias of column.aliases) KEY_BY_ALIAS.set(normalizeHeader(alias), column.key);
}

/** The field a header cell names, or undefined when it is not one the importer uses. */
export function fieldOfHeader(text: string): FieldKey | undefined {
  return KEY_BY_ALIAS.get(normalizeHeader(text));
}

export interface HeaderMatch {
  /** column index (0-based) of each field found */
  index: Partial<Record<FieldKey, number>>;
  /** the header text as written in the file, per field */
  text: Partial<Record<FieldKey, string>>;
  /** fields named by more than one column: [field, header texts] */
  duplicates: Array<{ key: FieldKey; texts: string[] }>;
  /** how many distinct fields the row names */
  recognised: number;
}

/** Reads one row as a header: which fields it names and where. Cells that are not text never name a field. */
export function matchHeader(cells: readonly unknown[]): HeaderMatch {
  const index: Partial<Record<FieldKey, number>> = {};
  const text: Partial<Record<FieldKey, string>> = {};
  const seen = new Map<FieldKey, string[]>();
  cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const key = fieldOfHeader(cell);
    if (!key) return;
    const texts = seen.get(key);
    if (texts) {
      texts.push(cell.trim());
      return;
    }
    seen.set(key, [cell.trim()]);
    index[key] = i;
    text[key] = cell.trim();
  });
  const duplicates = [...seen].filter(([, texts]) => texts.length > 1).map(([key, texts]) => ({ key, texts }));
  return { index, text, duplicates, recognised: seen.size };
}

/** A header row names every required field and at least one identifier. */
export function isCompleteHeader(match: HeaderMatch): boolean {
  return (
    REQUIRED_KEYS.every((key) => match.index[key] !== undefined) &&
    IDENTIFIER_KEYS.some((key) => match.index[key] !== undefined)
  );
}

/** "출근, 출근시간, 출근시각 …" — accepted header names of a field, for messages. */
export function acceptedNames(key: FieldKey): string {
  return COLUMN_BY_KEY[key].aliases.filter((alias) => /[가-힣]/.test(alias)).join(', ');
}
