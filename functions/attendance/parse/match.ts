// Who is who: each person in an attendance file is matched to one registered assistant of the agency.
// Pure; the caller loads the agency's assistants and passes them in.
//
// Rules (README "출퇴근 자료 가져오기"):
// 1. A row with an employee number matches the one assistant registered with that number (spaces and
//    case ignored; digit-only numbers also without leading zeros, which Excel drops) — and the names
//    must agree, since a wrong number would otherwise book one person's hours to another.
// 2. A row without an employee number, or whose number nobody has, matches by name together with
//    the last four digits of the phone number: the registry keeps no more of the phone than that.
// 3. Anything else is unmatched, with the reason in Korean; two registered assistants fitting the
//    same person is unmatched too, never a guess.

import { maskPhone } from './cells.ts';
import { subject, topic, toward } from './korean.ts';
import { type AttendanceRow, employeeKey, nameKey, personKey } from './rows.ts';

export interface RegisteredAssistant {
  assistantId: string;
  employeeNumber?: string;
  name: string;
  /** last four digits of the mobile phone */
  phoneLast4?: string;
}

export type MatchedRow = AttendanceRow & { assistantId: string };

export interface UnmatchedPerson {
  /** the employee number as in the file, or the phone number masked (010-****-5678) */
  identifier: string;
  identifierKind: AttendanceRow['identifierKind'];
  name: string;
  /** the person's rows in the file */
  rowNumbers: number[];
  /** why no assistant matched, and what to do */
  reason: string;
}

export interface MatchResult {
  matched: MatchedRow[];
  unmatched: UnmatchedPerson[];
}

type Resolution = { assistantId: string } | { reason: string };

function indexBy<K>(items: readonly RegisteredAssistant[], key: (item: RegisteredAssistant) => K | undefined) {
  const index = new Map<K, RegisteredAssistant[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = index.get(k);
    if (list) list.push(item);
    else index.set(k, [item]);
  }
  return index;
}

export function matchAssistants(
  rows: readonly AttendanceRow[],
  registered: readonly RegisteredAssistant[],
): MatchResult {
  const byEmployee = indexBy(registered, (a) => (a.employeeNumber?.trim() ? employeeKey(a.employeeNumber) : undefined));
  const byNamePhone = indexBy(registered, (a) =>
    a.phoneLast4 && /^\d{4}$/.test(a.phoneLast4) ? `${nameKey(a.name)}|${a.phoneLast4}` : undefined,
  );
  const byName = indexBy(registered, (a) => nameKey(a.name));

  function byPhone(row: AttendanceRow, prefix: string): Resolution {
    const last4 = row.phone!.slice(-4);
    const candidates = byNamePhone.get(`${nameKey(row.name)}|${last4}`) ?? [];
    if (candidates.length === 1) return { assistantId: candidates[0]!.assistantId };
    if (candidates.length > 1) {
      return {
        reason: `${prefix}이름이 '${row.name}'이고 휴대전화 끝자리가 ${last4}인 근로지원인이 ${candidates.length}명 등록되어 있어 누구인지 알 수 없습니다. 시프티에서 사원번호를 넣어 다시 내려받아 주세요.`,
      };
    }
    const sameName = byName.get(nameKey(row.name))?.length ?? 0;
    return {
      reason:
        `${prefix}이름이 '${row.name}'이고 휴대전화 끝자리가 ${last4}인 근로지원인이 등록되어 있지 않습니다. ` +
        (sameName > 0
          ? '같은 이름의 근로지원인은 있으니 등록된 휴대전화 번호가 맞는지 확인해 주세요.'
          : '근로지원인 등록에서 이 사람을 등록하거나, 파일의 이름과 휴대전화 번호를 확인해 주세요.'),
    };
  }

  function resolve(row: AttendanceRow): Resolution {
    if (row.employeeNumber === undefined) return byPhone(row, '');
    const number = row.employeeNumber;
    const candidates = byEmployee.get(employeeKey(number)) ?? [];
    if (candidates.length > 1) {
      return {
        reason: `사원번호 ${subject(number)} 근로지원인 ${candidates.length}명에게 등록되어 있어 누구인지 알 수 없습니다. 근로지원인 정보에서 사원번호가 겹치지 않게 고쳐 주세요.`,
      };
    }
    const candidate = candidates[0];
    if (candidate) {
      if (nameKey(candidate.name) === nameKey(row.name)) return { assistantId: candidate.assistantId };
      return {
        reason: `사원번호 ${topic(number)} ${toward(`'${candidate.name}'`)} 등록되어 있는데 파일의 이름은 '${row.name}'입니다. 근로지원인 정보나 시프티의 사원번호·이름 중 틀린 쪽을 고쳐 주세요.`,
      };
    }
    if (row.phone !== undefined) return byPhone(row, `사원번호 ${number}인 근로지원인이 없고, `);
    const sameName = byName.get(nameKey(row.name)) ?? [];
    return {
      reason:
        `사원번호 ${number}인 근로지원인이 등록되어 있지 않습니다. ` +
        (sameName.length > 0
          ? `같은 이름의 근로지원인이 ${sameName.length}명 있으니 근로지원인 정보에 사원번호가 등록되어 있는지 확인해 주세요.`
          : '근로지원인 등록에서 이 사람을 등록하거나 시프티의 사원번호를 고쳐 주세요.'),
    };
  }

  // One decision per person (not per row); people keep the order of their first row.
  const decisions = new Map<string, { resolution: Resolution; row: AttendanceRow; rowNumbers: number[] }>();
  const matched: MatchedRow[] = [];
  for (const row of rows) {
    const key = `${personKey(row)}|${nameKey(row.name)}`;
    let decision = decisions.get(key);
    if (!decision) {
      decision = { resolution: resolve(row), row, rowNumbers: [] };
      decisions.set(key, decision);
    }
    if ('assistantId' in decision.resolution) matched.push({ ...row, assistantId: decision.resolution.assistantId });
    else decision.rowNumbers.push(row.row);
  }
  const unmatched: UnmatchedPerson[] = [];
  for (const { resolution, row, rowNumbers } of decisions.values()) {
    if (!('reason' in resolution)) continue;
    unmatched.push({
      identifier: row.identifierKind === 'phone' ? maskPhone(row.identifier) : row.identifier,
      identifierKind: row.identifierKind,
      name: row.name,
      rowNumbers,
      reason: resolution.reason,
    });
  }
  return { matched, unmatched };
}
