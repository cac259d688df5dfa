import { describe, expect, it } from 'vitest';
import {
  countText,
  defaultDate,
  entryBody,
  entryValues,
  missingEntryFields,
  monthFrom,
  roundStateText,
  totalsText,
} from '../../../web/src/activity/model.ts';
import { withQuery } from '../../../web/src/core/router.ts';

// The screen side of the activity log, without a browser: the live count, the values sent, the
// fields the browser asks for before the server does, and the month in the URL.

const NOON_KST = new Date('2026-11-21T03:00:00.000Z');

describe('the activity screens’ model', () => {
  it('counts characters as seed 000 shows them and says what is left', () => {
    expect(countText('회의 자료 정리', 200)).toEqual({
      visible: '8/200자',
      spoken: '200자 중 8자를 썼습니다. 192자 더 쓸 수 있습니다.',
    });
    expect(countText('가'.repeat(203), 200).spoken).toBe('3자를 넘었습니다. 줄여 주세요.');
  });

  it('sends numbers and nulls the server expects, and keeps what was typed', () => {
    const values = {
      ...entryValues(undefined, { date: '2026-11-03' }),
      start: '09:00',
      end: '13:00',
      leaveMinutes: '',
    };
    expect(entryBody(values)).toEqual({
      date: '2026-11-03',
      attendance: 'work',
      leaveMinutes: null,
      start: '09:00',
      end: '13:00',
      contentCode: null,
      otherContent: '',
      specialNotes: '',
    });
    expect(entryBody({ ...values, attendance: 'annualLeave', leaveMinutes: '240' }).leaveMinutes).toBe(240);
  });

  it('names the required fields left empty, 활동내용 only on a work day', () => {
    const empty = { ...entryValues(undefined, { date: '' }), attendance: 'work' };
    expect(missingEntryFields(empty).map((p) => p.field)).toEqual(['date', 'start', 'end', 'contentCode']);
    expect(missingEntryFields({ ...empty, attendance: 'annualLeave' }).map((p) => p.field)).toEqual([
      'date',
      'start',
      'end',
    ]);
  });

  it('reads the month from the URL, else this month in Korea time', () => {
    expect(monthFrom(new URLSearchParams('month=2026-03'), NOON_KST)).toBe('2026-03');
    expect(monthFrom(new URLSearchParams('month=2026-13'), NOON_KST)).toBe('2026-11');
    expect(monthFrom(new URLSearchParams(''), new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
    expect(defaultDate('2026-11', NOON_KST)).toBe('2026-11-21');
    expect(defaultDate('2026-03', NOON_KST)).toBe('2026-03-01');
    expect(withQuery('/a', { workerId: 'worker01', month: undefined })).toBe('/a?workerId=worker01');
  });

  it('names the paper path wherever a round’s state shows', () => {
    const base = {
      roundId: 'CR-1',
      assistantId: 'AS-1',
      assistantName: '김민준',
      workerId: 'worker01',
      workerName: '서준우',
      agencyId: 'AG-HANBIT',
      agencyName: '한빛',
      month: '2026-11',
      kind: 'initial' as const,
      kindLabel: '동의 요청',
      entryCount: 3,
      requestedAt: '2026-11-15T00:00:00.000Z',
      hasScan: false,
      revision: 1,
    };
    expect(roundStateText({ ...base, status: 'signed', method: 'paper' })).toBe(
      '서명 완료 — 수기 서명본 첨부(본인 확인)',
    );
    expect(roundStateText({ ...base, status: 'signed', method: 'electronic' })).toBe('서명 완료 — 전자서명');
    expect(roundStateText({ ...base, status: 'requested' })).toBe('서명 대기');
    expect(
      totalsText({ entries: 3, minutes: { work: 480, annualLeave: 240 }, signed: 0, requested: 0, unsigned: 3 }),
    ).toBe('총 3건 (근무 8시간, 연차 4시간)');
  });
});
