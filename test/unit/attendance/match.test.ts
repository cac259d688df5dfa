// matchAssistants: each person in a file to one registered assistant, or a Korean reason why not.

import { describe, expect, it } from 'vitest';
import { type MatchResult, matchAssistants, type RegisteredAssistant } from '#functions/attendance/parse/match';
import type { AttendanceRow } from '#functions/attendance/parse/rows';

let nextRow = 2;
function row(fields: { employeeNumber?: string; phone?: string; name: string; date?: string }): AttendanceRow {
  const { employeeNumber, phone, name, date = '2026-03-03' } = fields;
  return {
    row: nextRow++,
    identifier: (employeeNumber ?? phone)!,
    identifierKind: employeeNumber !== undefined ? 'employeeNumber' : 'phone',
    ...(employeeNumber !== undefined && { employeeNumber }),
    ...(phone !== undefined && { phone }),
    name,
    date,
    clockIn: '09:00',
    clockOut: '18:00',
    overnight: false,
  };
}

const REGISTERED: RegisteredAssistant[] = [
  { assistantId: 'A1', employeeNumber: 'E1001', name: '김지원', phoneLast4: '5678' },
  { assistantId: 'A2', employeeNumber: '0012', name: '이민준', phoneLast4: '1111' },
  { assistantId: 'A3', name: '최유나', phoneLast4: '3333' },
  { assistantId: 'A4', name: '박서연', phoneLast4: '2222' },
  { assistantId: 'A5', name: '박서연', phoneLast4: '2222' },
  { assistantId: 'A6', employeeNumber: 'E2000', name: '정하늘' },
  { assistantId: 'A7', employeeNumber: 'E2000', name: '한바다' },
];

const ids = (result: MatchResult) => result.matched.map((r) => `${r.row}:${r.assistantId}`);

describe('matchAssistants', () => {
  it('matches by employee number with the same name, ignoring case, spaces and lost leading zeros', () => {
    nextRow = 2;
    const rows = [
      row({ employeeNumber: 'E1001', name: '김지원' }),
      row({ employeeNumber: 'e1001', name: '김 지원', date: '2026-03-04' }),
      row({ employeeNumber: '12', name: '이민준' }),
    ];
    const result = matchAssistants(rows, REGISTERED);
    expect(ids(result)).toEqual(['2:A1', '3:A1', '4:A2']);
    expect(result.unmatched).toEqual([]);
    expect(result.matched[0]).toEqual({ ...rows[0], assistantId: 'A1' });
  });

  it('matches by name and the last four digits of the phone when there is no employee number', () => {
    nextRow = 2;
    const result = matchAssistants([row({ phone: '01022223333', name: '최유나' })], REGISTERED);
    expect(ids(result)).toEqual(['2:A3']);
  });

  it('falls back to name and phone when nobody has the employee number', () => {
    nextRow = 2;
    const result = matchAssistants([row({ employeeNumber: 'X9', phone: '01022223333', name: '최유나' })], REGISTERED);
    expect(ids(result)).toEqual(['2:A3']);
  });

  it('never guesses: a number registered to someone else, shared numbers, two people alike', () => {
    nextRow = 2;
    const result = matchAssistants(
      [
        row({ employeeNumber: 'E1001', name: '홍길동' }),
        row({ employeeNumber: 'E1001', name: '홍길동', date: '2026-03-04' }),
        row({ employeeNumber: 'E2000', name: '정하늘' }),
        row({ phone: '01099992222', name: '박서연' }),
      ],
      REGISTERED,
    );
    expect(result.matched).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        identifier: 'E1001',
        identifierKind: 'employeeNumber',
        name: '홍길동',
        rowNumbers: [2, 3],
        reason:
          "사원번호 E1001은 '김지원'으로 등록되어 있는데 파일의 이름은 '홍길동'입니다. 근로지원인 정보나 시프티의 사원번호·이름 중 틀린 쪽을 고쳐 주세요.",
      },
      {
        identifier: 'E2000',
        identifierKind: 'employeeNumber',
        name: '정하늘',
        rowNumbers: [4],
        reason:
          '사원번호 E2000이 근로지원인 2명에게 등록되어 있어 누구인지 알 수 없습니다. 근로지원인 정보에서 사원번호가 겹치지 않게 고쳐 주세요.',
      },
      {
        identifier: '010-****-2222',
        identifierKind: 'phone',
        name: '박서연',
        rowNumbers: [5],
        reason:
          "이름이 '박서연'이고 휴대전화 끝자리가 2222인 근로지원인이 2명 등록되어 있어 누구인지 알 수 없습니다. 시프티에서 사원번호를 넣어 다시 내려받아 주세요.",
      },
    ]);
  });

  it('says what to check when nobody fits', () => {
    nextRow = 2;
    const result = matchAssistants(
      [
        row({ employeeNumber: 'E7777', name: '김지원' }),
        row({ employeeNumber: 'E8888', name: '나신입' }),
        row({ phone: '01000004444', name: '최유나' }),
        row({ employeeNumber: 'E9999', phone: '01000005555', name: '나신입' }),
      ],
      REGISTERED,
    );
    expect(result.unmatched.map((person) => person.reason)).toEqual([
      '사원번호 E7777인 근로지원인이 등록되어 있지 않습니다. 같은 이름의 근로지원인이 1명 있으니 근로지원인 정보에 사원번호가 등록되어 있는지 확인해 주세요.',
      '사원번호 E8888인 근로지원인이 등록되어 있지 않습니다. 근로지원인 등록에서 이 사람을 등록하거나 시프티의 사원번호를 고쳐 주세요.',
      "이름이 '최유나'이고 휴대전화 끝자리가 4444인 근로지원인이 등록되어 있지 않습니다. 같은 이름의 근로지원인은 있으니 등록된 휴대전화 번호가 맞는지 확인해 주세요.",
      "사원번호 E9999인 근로지원인이 없고, 이름이 '나신입'이고 휴대전화 끝자리가 5555인 근로지원인이 등록되어 있지 않습니다. 근로지원인 등록에서 이 사람을 등록하거나, 파일의 이름과 휴대전화 번호를 확인해 주세요.",
    ]);
  });

  it('decides once per person, keeps matched rows in file order, and lists unmatched people by first row', () => {
    nextRow = 2;
    const rows = [
      row({ employeeNumber: 'E5', name: '없는사람' }),
      row({ employeeNumber: 'E1001', name: '김지원' }),
      row({ employeeNumber: 'E5', name: '없는사람', date: '2026-03-04' }),
      row({ employeeNumber: 'E1001', name: '김지원', date: '2026-03-04' }),
      row({ employeeNumber: 'E6', name: '또없는사람' }),
    ];
    const result = matchAssistants(rows, REGISTERED);
    expect(ids(result)).toEqual(['3:A1', '5:A1']);
    expect(result.unmatched.map((person) => [person.identifier, person.rowNumbers])).toEqual([
      ['E5', [2, 4]],
      ['E6', [6]],
    ]);
    expect(result.matched.length + result.unmatched.flatMap((person) => person.rowNumbers).length).toBe(rows.length);
  });
});
