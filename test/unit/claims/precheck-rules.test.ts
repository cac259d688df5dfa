import { describe, expect, it } from 'vitest';
import { hoursMeter, hoursText } from '#functions/applications/hours-meter-rules';
import {
  monthMeters,
  type PrecheckEntry,
  type PrecheckFacts,
  peakConcurrency,
  precheckLines,
  precheckRefusal,
} from '#functions/claims/precheck-rules';

// The month-end pre-check (issue 15 §5): each kind of line, blocking apart from advisory, the submit's
// refusal, and the remaining-hours meter.

const entry = (over: Partial<PrecheckEntry>): PrecheckEntry => ({
  entryId: 'E1',
  assistantId: 'AS-1',
  assistantName: '김보조',
  workerId: 'worker-a',
  workerName: '이근로',
  matchingId: 'MT-1',
  date: '2026-03-03',
  start: '09:00',
  end: '13:00',
  type: 'service',
  consent: 'signed',
  ...over,
});

const clean = (over: Partial<PrecheckFacts> = {}): PrecheckFacts => ({
  month: '2026-03',
  rateTable: true,
  monthSubmitted: true,
  openBlockingFindings: 0,
  findingsToReview: 0,
  entries: [entry({})],
  matchings: new Map([['MT-1', { startDate: '2026-01-01', endDate: '2026-12-31', status: 'active' }]]),
  decidedHours: new Map([['worker-a', 86]]),
  maxConcurrency: 3,
  ...over,
});

describe('month-end pre-check', () => {
  it('finds nothing in a clean month, and then the submit is not refused', () => {
    const lines = precheckLines(clean());
    expect(lines).toEqual([]);
    expect(precheckRefusal(lines)).toBeUndefined();
  });

  it('blocks on a missing rate table and an unsubmitted month, with the comparison counts', () => {
    const lines = precheckLines(
      clean({ rateTable: false, monthSubmitted: false, openBlockingFindings: 2, findingsToReview: 1 }),
    );
    expect(lines.map((l) => [l.code, l.severity, l.place])).toEqual([
      ['ratesMissing', 'blocking', 'rates'],
      ['monthNotSubmitted', 'blocking', 'comparison'],
      ['findingsToReview', 'advisory', 'comparison'],
    ]);
    expect(lines[1]!.detail).toContain('소명하지 않은 차단 항목이 2건');
    expect(precheckRefusal(lines)).toBe(
      '월말 사전점검에서 제출을 막는 항목이 2건 남아 있습니다(요율표 없음, 근무이력 비교 미제출). 사전점검 화면에서 항목마다 안내대로 고친 뒤 다시 제출해 주세요.',
    );
  });

  it('blocks entries never sent for consent, and only advises on those waiting for the signature', () => {
    const lines = precheckLines(
      clean({
        entries: [
          entry({ entryId: 'E1', consent: 'unsigned', date: '2026-03-03' }),
          entry({ entryId: 'E2', consent: 'requested', date: '2026-03-04' }),
        ],
      }),
    );
    expect(lines.map((l) => [l.code, l.severity, l.subject])).toEqual([
      ['unsigned', 'blocking', '김보조 · 이근로'],
      ['awaitingSignature', 'advisory', '김보조 · 이근로'],
    ]);
    expect(lines[0]!.detail).toContain('03/03');
  });

  it('blocks entries outside their matching’s period', () => {
    const lines = precheckLines(
      clean({
        matchings: new Map([['MT-1', { startDate: '2026-01-01', endDate: '2026-03-02', status: 'ended' }]]),
      }),
    );
    expect(lines[0]).toMatchObject({ code: 'matchingEnded', severity: 'blocking', place: 'matchings' });
    expect(lines[0]!.detail).toContain('2026-01-01~2026-03-02');
  });

  it('advises on hours beyond the decided monthly hours and on a month without a decision', () => {
    const over = precheckLines(clean({ decidedHours: new Map([['worker-a', 3]]) }));
    expect(over[0]).toMatchObject({ code: 'overDecidedHours', severity: 'advisory' });
    expect(over[0]!.detail).toBe('지원 시간 4시간이 월 결정 시간 3시간을 1시간 넘습니다.');
    const none = precheckLines(clean({ decidedHours: new Map() }));
    expect(none[0]).toMatchObject({ code: 'noDecision', severity: 'advisory' });
  });

  it('blocks an assistant supporting more workers at once than the rate table allows', () => {
    const three = ['w1', 'w2', 'w3'].map((workerId, i) =>
      entry({ entryId: `E${i}`, workerId, workerName: workerId, start: '09:00', end: '12:00' }),
    );
    expect(peakConcurrency(three)).toBe(3);
    const decided = new Map(['w1', 'w2', 'w3'].map((w) => [w, 86]));
    expect(precheckLines(clean({ entries: three, decidedHours: decided, maxConcurrency: 3 }))).toEqual([]);
    const lines = precheckLines(clean({ entries: three, decidedHours: decided, maxConcurrency: 2 }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ code: 'overConcurrency', severity: 'blocking', subject: '김보조' });
  });

  it('meters each worker’s decided hours against the support minutes used (leave is not support)', () => {
    expect(hoursMeter('w', '이근로', 86, 600)).toEqual({
      workerId: 'w',
      workerName: '이근로',
      decidedMinutes: 5160,
      usedMinutes: 600,
      remainingMinutes: 4560,
      over: false,
    });
    expect(hoursMeter('w', '이근로', undefined, 60)).toEqual({
      workerId: 'w',
      workerName: '이근로',
      usedMinutes: 60,
      over: false,
    });
    const meters = monthMeters(
      [entry({}), entry({ entryId: 'E2', date: '2026-03-04', type: 'annualLeave' })],
      new Map([['worker-a', 10]]),
    );
    expect(meters).toEqual([hoursMeter('worker-a', '이근로', 10, 240)]);
    expect(hoursText(90)).toBe('1시간 30분');
    expect(hoursText(-30)).toBe('-30분');
    expect(hoursText(0)).toBe('0시간');
  });
});
