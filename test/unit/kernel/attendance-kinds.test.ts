import { describe, expect, it } from 'vitest';
import { ATTENDANCE_TYPES } from '#functions/activity/codes';
import { ClaimInputSchema } from '#functions/claims/engine/schema';
import { LEAVE_ENTRY_TYPES, LEAVE_TYPE_LABELS } from '#functions/leave/ledger';
import { TIME_SOURCE_LABELS, TIME_SOURCES } from '#functions/payroll/time-sources';
import {
  ABSENT_TYPES,
  ATTENDANCE_CODES,
  ATTENDANCE_KINDS,
  attendanceOf,
  ENTRY_TYPES,
  isLeave,
  kindOfType,
  LEAVE_KIND_LABELS,
  LEAVE_KINDS,
  NON_SERVICE_TYPES,
  PAID_NON_SERVICE_TYPES,
  PAID_TIME_LABELS,
  TYPE_LABELS,
  TYPE_SHORT_LABELS,
} from '#kernel/attendance-kinds';
import { TYPE_LABELS as WEB_CLAIM_TYPE_LABELS } from '../../../web/src/claims/model.ts';
import { LEAVE_TYPES as WEB_LEAVE_TYPES } from '../../../web/src/leave/model.ts';

// One table of attendance kinds (근태): every list and every name of them derives from it.

describe('the table of attendance kinds', () => {
  it('has one row per code, and rows of one engine type agree on that type', () => {
    expect(new Set(ATTENDANCE_KINDS.map((k) => k.code)).size).toBe(ATTENDANCE_KINDS.length);
    for (const kind of ATTENDANCE_KINDS) {
      const first = kindOfType(kind.engineType);
      expect({ ...kind, code: '', label: '', leaveKind: '' }).toEqual({ ...first, code: '', label: '', leaveKind: '' });
    }
  });

  it('names a pay label exactly for the paid kinds, and only unpaid kinds break the weekly holiday', () => {
    for (const kind of ATTENDANCE_KINDS) {
      expect(kind.paidTimeLabel !== undefined, kind.code).toBe(kind.paid);
      if (kind.absent) expect(kind.paid, kind.code).toBe(false);
    }
  });

  it('keeps the order and the names the screens show', () => {
    expect(ATTENDANCE_KINDS.map((k) => [k.code, k.label])).toEqual([
      ['work', '근무'],
      ['annualLeave', '연차'],
      ['paidLeave', '유급휴가'],
      ['holiday', '유급휴일'],
      ['officialLeave', '공가'],
      ['training', '교육'],
      ['unpaidLeave', '무급휴가'],
      ['absence', '결근'],
    ]);
    expect(TYPE_LABELS).toEqual({
      service: '근무(서비스)',
      paidLeave: '유급휴가',
      holiday: '유급휴일',
      officialLeave: '공가',
      training: '교육',
      unpaidLeave: '무급휴가',
      absence: '결근',
    });
    expect(TYPE_SHORT_LABELS).toEqual({
      service: '서비스',
      paidLeave: '유급휴가',
      holiday: '휴일',
      officialLeave: '공가',
      training: '교육',
      unpaidLeave: '무급휴가',
      absence: '결근',
    });
    expect(PAID_TIME_LABELS).toEqual({
      service: '서비스',
      paidLeave: '유급휴가',
      holiday: '유급휴일',
      officialLeave: '공가',
      training: '교육',
    });
  });
});

describe('every consumer derives from the table', () => {
  it('the claim engine: its types, their order (the type codes), what is paid and what is absence', () => {
    expect(ClaimInputSchema.meta()?.description).toBe(`Entry types: ${ENTRY_TYPES.join(', ')}.`);
    expect(ENTRY_TYPES).toEqual([...new Set(ATTENDANCE_KINDS.map((k) => k.engineType))]);
    expect(ENTRY_TYPES).toEqual([
      'service',
      'paidLeave',
      'holiday',
      'officialLeave',
      'training',
      'unpaidLeave',
      'absence',
    ]);
    expect(NON_SERVICE_TYPES).toEqual(ENTRY_TYPES.filter((t) => t !== 'service'));
    expect(PAID_NON_SERVICE_TYPES).toEqual(
      NON_SERVICE_TYPES.filter((t) => ATTENDANCE_KINDS.some((k) => k.engineType === t && k.paid)),
    );
    expect(PAID_NON_SERVICE_TYPES).toEqual(['paidLeave', 'holiday', 'officialLeave', 'training']);
    expect(ABSENT_TYPES).toEqual(['absence']);
    expect(TYPE_SHORT_LABELS).toEqual(Object.fromEntries(ENTRY_TYPES.map((t) => [t, kindOfType(t).typeShortLabel])));
  });

  it('the claim input schema accepts exactly the table’s non-service types', () => {
    const entry = (type: string) => ({
      month: '2026-03',
      rates: {
        hourlyWage: 10_000,
        premiumByRatio: { '1': 1 },
        copayPerHourByRatio: { '1': 0 },
        maxConcurrency: 1,
        socialInsurance: { pension: 0, health: 0, longTermCare: 0, employment: 0, industrialAccident: 0 },
        operatingCostRate: 0,
        severanceRate: 0,
      },
      assistants: [{ id: 'a' }],
      workers: [],
      entries: [{ assistantId: 'a', date: '2026-03-02', start: '09:00', end: '10:00', type }],
    });
    for (const type of NON_SERVICE_TYPES) {
      const issues = ClaimInputSchema.safeParse(entry(type)).error?.issues ?? [];
      expect(
        issues.filter((i) => i.path.includes('type')),
        type,
      ).toEqual([]);
    }
    const unknown = ClaimInputSchema.safeParse(entry('vacation')).error?.issues ?? [];
    expect(unknown.some((i) => i.path.includes('type'))).toBe(true);
  });

  it('the activity log: its codes, labels, engine types and leave kinds', () => {
    expect(ATTENDANCE_TYPES).toBe(ATTENDANCE_KINDS);
    expect(ATTENDANCE_CODES).toEqual(ATTENDANCE_KINDS.map((k) => k.code));
    for (const kind of ATTENDANCE_KINDS) {
      expect(attendanceOf(kind.code)).toBe(kind);
      expect(isLeave(kind.code)).toBe(kind.leaveKind !== undefined);
    }
  });

  it('the leave ledger and the leave screens: the kinds in table order, named by the table', () => {
    expect(LEAVE_ENTRY_TYPES).toEqual(ATTENDANCE_KINDS.flatMap((k) => (k.leaveKind ? [k.leaveKind] : [])));
    expect(LEAVE_ENTRY_TYPES).toBe(LEAVE_KINDS);
    expect(LEAVE_TYPE_LABELS).toBe(LEAVE_KIND_LABELS);
    for (const kind of ATTENDANCE_KINDS) if (kind.leaveKind) expect(LEAVE_TYPE_LABELS[kind.leaveKind]).toBe(kind.label);
    expect(WEB_LEAVE_TYPES).toEqual(LEAVE_KINDS.map((type) => ({ type, label: LEAVE_KIND_LABELS[type] })));
    expect(WEB_LEAVE_TYPES.map((t) => t.label)).toEqual(['연차', '유급휴가', '유급휴일', '공가', '무급휴가']);
  });

  it('payroll: the paid times are service, 주휴 and the table’s paid kinds, named by the table', () => {
    expect(TIME_SOURCES).toEqual(['service', 'weeklyHoliday', ...PAID_NON_SERVICE_TYPES]);
    expect(TIME_SOURCE_LABELS).toEqual({ ...PAID_TIME_LABELS, weeklyHoliday: '주휴' });
    expect(Object.keys(TIME_SOURCE_LABELS)).toEqual([...TIME_SOURCES]);
  });

  it('the web claim screens name the engine types from the table', () => {
    expect(WEB_CLAIM_TYPE_LABELS).toBe(TYPE_LABELS);
  });
});
