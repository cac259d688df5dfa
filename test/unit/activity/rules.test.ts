import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_TYPES, characterCount, LEAVE_MINUTE_CHOICES } from '#functions/activity/codes';
import { consentDigest, paperProblems, sameName, signatureProblems } from '#functions/activity/consent-rules';
import {
  changeRefusal,
  correctionReasonProblem,
  type EntryContext,
  type EntryInput,
  entryProblems,
  fieldProblems,
  type ListedEntry,
  matchingOn,
  monthRows,
  monthTotals,
  type OtherEntry,
  type SignedContent,
  toEngineEntry,
  toLeaveEntry,
} from '#functions/activity/entry-rules';
import { LEAVE_ENTRY_TYPES } from '#functions/leave/ledger';
import { ATTENDANCE_CODES, type AttendanceCode, ENTRY_TYPES, isLeave } from '#kernel/attendance-kinds';
import { formatClock } from '#kernel/calendar';

const work = (extra: Partial<EntryInput> = {}): EntryInput => ({
  date: '2026-11-03',
  attendance: 'work',
  start: '09:00',
  end: '13:00',
  contentCode: 'C01',
  ...extra,
});

const context = (extra: Partial<EntryContext> = {}): EntryContext => ({
  workerId: 'worker01',
  workerName: '서준우',
  matchings: [{ matchingId: 'MT-1', workerId: 'worker01', startDate: '2026-10-01', endDate: '2027-09-30' }],
  sameDay: [],
  today: '2026-11-22',
  ...extra,
});

const other = (extra: Partial<OtherEntry>): OtherEntry => ({
  entryId: 'AL-OTHER',
  workerId: 'worker01',
  date: '2026-11-03',
  start: '14:00',
  end: '18:00',
  attendance: 'work',
  ...extra,
});

const fields = (input: EntryInput, ctx = context()) => entryProblems(input, ctx).map((p) => p.field);

describe('the 활동내역 등록 form: one entry on its own', () => {
  it('accepts a plain work entry', () => {
    expect(entryProblems(work(), context())).toEqual([]);
  });

  it('refuses an end before (or at) the start, naming 활동시간(끝)', () => {
    const [problem] = fieldProblems(work({ start: '13:00', end: '09:00' }));
    expect(problem).toEqual({
      field: 'end',
      message: '활동시간의 끝 시각(09:00)이 시작 시각(13:00)보다 늦어야 합니다. 끝 시각을 고쳐 주세요.',
    });
    expect(fieldProblems(work({ start: '09:00', end: '09:00' })).map((p) => p.field)).toEqual(['end']);
  });

  it('accepts 24:00 as an end and refuses impossible clock times', () => {
    expect(fieldProblems(work({ start: '20:00', end: '24:00' }))).toEqual([]);
    expect(fieldProblems(work({ start: '24:00', end: '24:00' })).map((p) => p.field)).toEqual(['start']);
    expect(fieldProblems(work({ end: '13:60' })).map((p) => p.field)).toEqual(['end']);
  });

  it('refuses a day that is not on the calendar', () => {
    expect(fieldProblems(work({ date: '2026-02-30' }))[0]?.message).toContain('활동일자');
  });

  it('counts 기타 활동내용 and 특이사항 in characters and says how many to cut', () => {
    expect(fieldProblems(work({ otherContent: '가'.repeat(200) }))).toEqual([]);
    const [tooLong] = fieldProblems(work({ otherContent: '가'.repeat(215) }));
    expect(tooLong).toEqual({
      field: 'otherContent',
      message: '기타 활동내용은 200자까지 쓸 수 있습니다. 지금 215자이니 15자를 줄여 주세요.',
    });
    expect(fieldProblems(work({ specialNotes: '나'.repeat(2000) }))).toEqual([]);
    const [notes] = fieldProblems(work({ specialNotes: '나'.repeat(2001) }));
    expect(notes?.field).toBe('specialNotes');
    expect(notes?.message).toContain('특이사항은 2000자까지');
  });

  it('counts a character outside the BMP as one, as a person does', () => {
    expect(characterCount('😀'.repeat(200))).toBe(200);
    expect(fieldProblems(work({ otherContent: '😀'.repeat(200) }))).toEqual([]);
  });

  it('asks for 활동내용 on a work day and for 기타 활동내용 when the content is 기타', () => {
    expect(fieldProblems(work({ contentCode: undefined }))).toEqual([
      { field: 'contentCode', message: '근태가 근무이면 활동내용을 골라 주세요.' },
    ]);
    expect(fieldProblems(work({ contentCode: 'C99' })).map((p) => p.field)).toEqual(['otherContent']);
    expect(fieldProblems(work({ contentCode: 'C99', otherContent: '행사 준비 보조' }))).toEqual([]);
    expect(fieldProblems(work({ contentCode: 'X1' })).map((p) => p.field)).toEqual(['contentCode']);
  });

  it('needs a leave time equal to the activity time for leave, and none otherwise', () => {
    const leave = work({ attendance: 'annualLeave', contentCode: undefined, start: '09:00', end: '13:00' });
    expect(fieldProblems(leave).map((p) => p.field)).toEqual(['leaveMinutes']);
    expect(fieldProblems({ ...leave, leaveMinutes: 240 })).toEqual([]);
    const [mismatch] = fieldProblems({ ...leave, leaveMinutes: 480 });
    expect(mismatch?.message).toContain('휴가시간(8시간(종일))과 활동시간(09:00~13:00, 4시간)이 맞지 않습니다');
    expect(fieldProblems({ ...leave, leaveMinutes: 45 }).map((p) => p.field)).toEqual(['leaveMinutes']);
    expect(fieldProblems(work({ leaveMinutes: 240 }))[0]?.message).toContain('근태가 근무이면 휴가시간을');
  });
});

describe('the entry against the matching and the other entries', () => {
  it('refuses a date outside the matching, quoting the period', () => {
    const [problem] = entryProblems(work({ date: '2026-09-30' }), context());
    expect(problem).toEqual({
      field: 'date',
      message:
        '활동일자(2026-09-30)가 이 근로자와의 매칭 기간(2026-10-01~2027-09-30) 밖입니다. 매칭 기간 안의 날짜를 골라 주세요.',
    });
  });

  it('counts an ended matching up to its end date, and one ended before it began not at all', () => {
    const ended = [{ matchingId: 'MT-1', workerId: 'worker01', startDate: '2026-10-01', endDate: '2026-11-10' }];
    expect(fields(work({ date: '2026-11-10' }), context({ matchings: ended }))).toEqual([]);
    expect(fields(work({ date: '2026-11-11' }), context({ matchings: ended }))).toEqual(['date']);
    const cancelled = [{ matchingId: 'MT-1', workerId: 'worker01', startDate: '2026-11-01', endDate: '2026-10-31' }];
    expect(matchingOn(cancelled, '2026-11-01')).toBeUndefined();
    expect(entryProblems(work(), context({ matchings: cancelled }))[0]?.message).toContain('매칭된 기간이 없어');
  });

  it('refuses a day still to come', () => {
    expect(entryProblems(work({ date: '2026-11-23' }), context())[0]?.message).toContain(
      '오늘(2026-11-22)보다 늦습니다',
    );
  });

  it('refuses an overlap with the same worker’s entry, naming it', () => {
    const [problem] = entryProblems(work({ start: '12:00', end: '15:00' }), context({ sameDay: [other({})] }));
    expect(problem).toEqual({
      field: 'start',
      message:
        '같은 근로자의 2026-11-03 14:00~18:00 근무 기록과 시간이 겹칩니다. 활동시간을 고치거나 그 기록을 수정해 주세요.',
    });
  });

  it('lets entries touch end to start', () => {
    expect(entryProblems(work({ start: '13:00', end: '14:00' }), context({ sameDay: [other({})] }))).toEqual([]);
  });

  it('allows work for another worker at the same time (concurrent support)', () => {
    const sameDay = [other({ workerId: 'worker02', workerName: '신다은', start: '09:00', end: '13:00' })];
    expect(entryProblems(work(), context({ sameDay }))).toEqual([]);
  });

  it('keeps leave apart from every other entry of the assistant, whichever worker', () => {
    const sameDay = [other({ workerId: 'worker02', workerName: '신다은', start: '09:00', end: '13:00' })];
    const leave = work({ attendance: 'annualLeave', leaveMinutes: 240, contentCode: undefined });
    const [problem] = entryProblems(leave, context({ sameDay }));
    expect(problem?.field).toBe('start');
    expect(problem?.message).toContain('신다은 님의 근무 기록이 있습니다');
    const onLeave = [other({ workerId: 'worker02', start: '09:00', end: '13:00', attendance: 'annualLeave' })];
    expect(entryProblems(work(), context({ sameDay: onLeave }))[0]?.message).toContain(
      '연차 시간에는 근무를 등록할 수 없습니다',
    );
  });

  it('stops at three entries for one worker on one day', () => {
    const sameDay = [
      other({ entryId: 'a', start: '06:00', end: '07:00' }),
      other({ entryId: 'b', start: '07:00', end: '08:00' }),
      other({ entryId: 'c', start: '14:00', end: '15:00' }),
    ];
    expect(entryProblems(work(), context({ sameDay }))[0]?.message).toContain('하루에 3건까지');
  });

  it('never accepts two entries of one worker that share a minute (property)', () => {
    const slot = fc
      .tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 600 }))
      .map(([start, length]) => ({ start: formatClock(start), end: formatClock(Math.min(1440, start + length)) }));
    fc.assert(
      fc.property(slot, slot, (a, b) => {
        const problems = entryProblems(work(a), context({ sameDay: [other(b)] }));
        const shareAMinute = a.start < b.end && b.start < a.end;
        expect(problems.some((p) => p.message.includes('겹칩니다'))).toBe(shareAMinute);
      }),
    );
  });
});

describe('locking and correcting after the worker signed', () => {
  it('locks a signed entry for the assistant, in Korean, and says whom to ask', () => {
    expect(changeRefusal({ consent: 'signed' }, 'assistant', 'edit')).toContain('수행기관 담당자에게 정정을 요청해');
    expect(changeRefusal({ consent: 'signed' }, 'assistant', 'delete')).toContain('지울 수 없습니다');
    expect(changeRefusal({ consent: 'requested' }, 'assistant', 'edit')).toBeUndefined();
    expect(changeRefusal({ consent: 'signed' }, 'agency', 'edit')).toBeUndefined();
    expect(changeRefusal({ consent: 'signed' }, 'agency', 'delete')).toContain('지울 수 없습니다');
  });

  it('asks the agency for a reason when it corrects a signed entry', () => {
    expect(correctionReasonProblem({ consent: 'signed' }, 'agency', ' ')?.field).toBe('reason');
    expect(correctionReasonProblem({ consent: 'signed' }, 'agency', '퇴근 시각 오기')).toBeUndefined();
    expect(correctionReasonProblem({ consent: 'unsigned' }, 'agency', undefined)).toBeUndefined();
  });
});

const signed = (extra: Partial<SignedContent> = {}): SignedContent => ({
  entryId: 'AL-1',
  assistantId: 'AS-1',
  workerId: 'worker01',
  ...work(),
  ...extra,
});

describe('what a signature covers', () => {
  it('is the same digest whatever order the entries are read in', () => {
    const a = signed({ entryId: 'AL-1', date: '2026-11-02' });
    const b = signed({ entryId: 'AL-2', date: '2026-11-03' });
    expect(consentDigest([a, b])).toBe(consentDigest([b, a]));
    expect(consentDigest([a, b])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with anything the worker reads (property)', () => {
    const change = fc.oneof(
      fc.constant<Partial<SignedContent>>({ end: '13:01' }),
      fc.constant<Partial<SignedContent>>({ contentCode: 'C02' }),
      fc.string({ minLength: 1, maxLength: 20 }).map((otherContent) => ({ otherContent })),
      fc.string({ minLength: 1, maxLength: 20 }).map((specialNotes) => ({ specialNotes })),
      fc.constantFrom(...ATTENDANCE_CODES.filter((c) => c !== 'work')).map((attendance) => ({ attendance })),
    );
    fc.assert(
      fc.property(change, (patch) => {
        expect(consentDigest([signed(patch)])).not.toBe(consentDigest([signed()]));
      }),
    );
  });

  it('checks the typed name (spaces aside), the tick and the reviewed digest', () => {
    expect(sameName(' 서 준우 ', '서준우')).toBe(true);
    expect(sameName('서준', '서준우')).toBe(false);
    expect(sameName('', '')).toBe(false);
    const digest = consentDigest([signed()]);
    expect(signatureProblems({ typedName: '서준우', agree: true, digest }, '서준우', digest)).toEqual([]);
    expect(
      signatureProblems({ typedName: '서준', agree: false, digest }, '서준우', digest).map((p) => p.field),
    ).toEqual(['agree', 'typedName']);
    expect(
      signatureProblems({ typedName: '서준우', agree: true, digest: 'x' }, '서준우', digest)[0]?.message,
    ).toContain('확인하는 동안 활동 내역이 바뀌었습니다');
  });

  it('needs the scan and the 본인 확인 tick on the paper path', () => {
    expect(paperProblems({ identityConfirmed: false }).map((p) => p.field)).toEqual(['uploadId', 'identityConfirmed']);
    expect(paperProblems({ identityConfirmed: true, uploadId: 'u' })).toEqual([]);
  });
});

describe('the claim engine and the leave ledger read the entries 1:1', () => {
  it('maps every 근태 onto one engine entry type, and 연차 onto paid leave that uses annual leave', () => {
    for (const type of ATTENDANCE_TYPES) expect(ENTRY_TYPES).toContain(type.engineType);
    expect(new Set(ATTENDANCE_TYPES.map((t) => t.engineType))).toEqual(new Set(ENTRY_TYPES));
    const annual = signed({ attendance: 'annualLeave', leaveMinutes: 240, contentCode: undefined });
    expect(toEngineEntry(annual)).toEqual({
      assistantId: 'AS-1',
      workerId: 'worker01',
      date: '2026-11-03',
      start: '09:00',
      end: '13:00',
      type: 'paidLeave',
    });
    expect(toLeaveEntry(annual)).toEqual({ date: '2026-11-03', type: 'annualLeave', minutes: 240 });
    expect(toLeaveEntry(signed({ attendance: 'paidLeave', leaveMinutes: 240 }))?.type).toBe('paidLeave');
    expect(toLeaveEntry(signed())).toBeUndefined();
  });

  it('gives every leave type of the ledger a 근태, and only leave types take a leave time', () => {
    const kinds = ATTENDANCE_TYPES.flatMap((t) => (t.leaveKind ? [t.leaveKind] : []));
    expect(new Set(kinds)).toEqual(new Set(LEAVE_ENTRY_TYPES));
    for (const code of ATTENDANCE_CODES) expect(isLeave(code)).toBe(LEAVE_ENTRY_TYPES.includes(code as never));
  });

  it('keeps the engine interval and the ledger minutes equal for every accepted leave entry (property)', () => {
    const leaveCodes = ATTENDANCE_CODES.filter((c) => isLeave(c as AttendanceCode));
    fc.assert(
      fc.property(
        fc.constantFrom(...leaveCodes),
        fc.constantFrom(...LEAVE_MINUTE_CHOICES),
        fc.integer({ min: 0, max: 1440 - 480 }),
        (attendance, minutes, start) => {
          const entry = signed({
            attendance,
            leaveMinutes: minutes,
            contentCode: undefined,
            start: formatClock(start),
            end: formatClock(start + minutes),
          });
          expect(fieldProblems(entry)).toEqual([]);
          const engine = toEngineEntry(entry);
          const length = Number(engine.end.slice(0, 2)) * 60 + Number(engine.end.slice(3)) - start;
          expect(length).toBe(toLeaveEntry(entry)?.minutes);
        },
      ),
    );
  });
});

describe('the month list (seed 000 columns)', () => {
  const listed = (extra: Partial<ListedEntry>): ListedEntry => ({ ...signed(), consent: 'unsigned', ...extra });

  it('numbers rows by date and time and fills every column', () => {
    const rows = monthRows([
      listed({ entryId: 'b', date: '2026-11-04', specialNotes: '엘리베이터 고장으로 계단 이동 보조' }),
      listed({ entryId: 'a', date: '2026-11-03', consent: 'signed', signedBy: 'electronic' }),
      listed({
        entryId: 'c',
        date: '2026-11-04',
        start: '14:00',
        end: '18:00',
        attendance: 'annualLeave',
        leaveMinutes: 240,
        contentCode: undefined,
        consent: 'signed',
        signedBy: 'paper',
      }),
    ]);
    expect(rows.map((r) => [r.seq, r.entryId])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(rows[0]).toMatchObject({
      date: '2026-11-03',
      time: '09:00~13:00',
      attendance: '근무',
      content: '서류 작성·정리 보조',
      specialNotes: '미등록',
      consent: '동의 완료(전자서명)',
      locked: true,
    });
    expect(rows[1]).toMatchObject({ specialNotes: '등록', consent: '미요청', locked: false });
    expect(rows[2]).toMatchObject({
      attendance: '연차(4시간(반차))',
      consent: '동의 완료(수기 서명본 첨부(본인 확인))',
    });
  });

  it('marks a corrected entry waiting for consent again', () => {
    const [row] = monthRows([listed({ consent: 'requested', corrected: true })]);
    expect(row?.consent).toBe('정정 후 재동의 요청 중');
  });

  it('totals minutes by 근태 and counts consent states', () => {
    const totals = monthTotals([
      listed({ entryId: 'a' }),
      listed({ entryId: 'b', date: '2026-11-04', consent: 'signed' }),
      listed({ entryId: 'c', attendance: 'training', start: '14:00', end: '16:00', consent: 'requested' }),
    ]);
    expect(totals).toEqual({
      entries: 3,
      minutes: { work: 480, training: 120 },
      signed: 1,
      requested: 1,
      unsigned: 1,
    });
  });
});
