import { createHash } from 'node:crypto';
import { bindEntity, isConditionFailure } from '#commons/entities';
import { ActivityLogEntry } from '#functions/activity/entities';
import { ON_DUTY_CODES } from '#functions/attendance/comparison';
import {
  AttendanceImport,
  type AttendanceImportItem,
  AttendanceMonth,
  AttendanceRecord,
  type AttendanceRecordItem,
  AttendanceUpload,
} from '#functions/attendance/entities';
import { formatClock, parseClock } from '#kernel/calendar';
import * as clock from '#kernel/clock';
import { nthWeekdayOf } from '#kernel/korea-time';
import { demoMonths } from './demo-activity.ts';
import { DEMO_ORGANISATIONS } from './demo-data.ts';
import type { SeedStep } from './seed.ts';

// Demo data of the attendance capability (C3, C4): for every demo agency with activity logs, last
// month's attendance as if imported from Shiftee, made from the logs themselves (clock-in five minutes
// before the day's first log, clock-out five after the last) with three things for the comparison
// to find on each agency's first assistant: a logged day without attendance (blocking), a clock-in
// 40 minutes after the log's start (blocking), and a Saturday attended without a log (shown only).

/** The demo import's upload (its request, as if the S3 event had imported it): a UUID made from the import id. */
export function demoUploadId(agencyId: string, month: string): string {
  const hex = createHash('sha256').update(demoImportId(agencyId, month)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Import ids of the demo, predictable so that tests can name them. */
export function demoImportId(agencyId: string, month: string): string {
  return `AI-DEMO-${agencyId.replace(/^AG-/, '')}-${month.replace('-', '')}`;
}

export function demoAttendanceProbes(now = clock.now()) {
  const { previous } = demoMonths(now);
  return {
    month: previous,
    own: { importId: demoImportId('AG-HANBIT', previous), uploadId: demoUploadId('AG-HANBIT', previous) },
    other: { importId: demoImportId('AG-NEULBOM', previous), uploadId: demoUploadId('AG-NEULBOM', previous) },
  };
}

function firstSaturday(month: string): string {
  return nthWeekdayOf(month, 5, 1) ?? `${month}-01`;
}

const attendanceStep: SeedStep = {
  name: 'attendance (지난달 출퇴근 자료: 출퇴근 없는 활동, 늦은 출근, 활동일지 없는 토요일)',
  async run(ctx) {
    const { previous: month } = demoMonths();
    const at = `${month}-28T00:00:00.000Z`;
    for (const agency of DEMO_ORGANISATIONS.filter((o) => o.kind === 'agency')) {
      const agencyId = agency.organisationId;
      const importId = demoImportId(agencyId, month);
      const uploadId = demoUploadId(agencyId, month);
      // the upload that import came from, done (a put: written again on every start, harmlessly)
      await bindEntity(AttendanceUpload)
        .put({
          uploadId,
          agencyId,
          month,
          requestedBy: 'demo',
          sourceIp: '127.0.0.1',
          requestedAt: at,
          state: 'done',
          claimedAt: at,
          outcome: 'imported',
          importId,
          expiresAt: Math.floor(Date.parse(at) / 1000) + 90 * 24 * 3600,
        })
        .go();
      const { data: existing } = await bindEntity(AttendanceImport).get({ importId }).go();
      if (existing) continue;
      const { data: logs } = await bindEntity(ActivityLogEntry)
        .query.byAgency({ agencyId, month })
        .go({ pages: 'all' });
      const days = new Map<string, { assistantId: string; name: string; date: string; start: number; end: number }>();
      for (const log of logs.filter((l) => ON_DUTY_CODES.includes(l.attendance))) {
        const key = `${log.assistantId}|${log.date}`;
        const start = parseClock(log.start, false);
        const end = parseClock(log.end, true);
        const day = days.get(key);
        if (day) {
          day.start = Math.min(day.start, start);
          day.end = Math.max(day.end, end);
        } else days.set(key, { assistantId: log.assistantId, name: log.assistantName, date: log.date, start, end });
      }
      if (days.size === 0) continue;
      const ordered = [...days.values()].sort(
        (a, b) => a.assistantId.localeCompare(b.assistantId) || a.date.localeCompare(b.date),
      );
      const first = ordered[0]!.assistantId;
      const firstDays = ordered.filter((d) => d.assistantId === first);
      const missing = firstDays[0]!;
      const late = firstDays[1];
      const records: AttendanceRecordItem[] = [];
      let row = 2;
      for (const day of ordered) {
        if (day === missing) continue;
        const clockIn = day === late ? day.start + 40 : Math.max(0, day.start - 5);
        records.push({
          importId,
          agencyId,
          month,
          assistantId: day.assistantId,
          date: day.date,
          row: row++,
          name: day.name,
          clockIn: formatClock(clockIn),
          clockOut: formatClock(Math.min(1440, day.end + 5)),
          overnight: false,
        });
      }
      const saturday = firstSaturday(month);
      if (!days.has(`${first}|${saturday}`)) {
        records.push({
          importId,
          agencyId,
          month,
          assistantId: first,
          date: saturday,
          row: row++,
          name: missing.name,
          clockIn: '10:00',
          clockOut: '13:00',
          overnight: false,
        });
      }
      const item: AttendanceImportItem = {
        importId,
        agencyId,
        month,
        uploadId,
        fileName: `시프티_출퇴근기록_${month}.xlsx`,
        fingerprint: `demo-${importId}`,
        status: 'imported',
        rowCount: records.length,
        people: new Set(records.map((r) => r.assistantId)).size,
        matchedRows: records.length,
        unmatched: [],
        errors: [],
        totalErrors: 0,
        omittedErrors: 0,
        importedBy: 'demo',
        importedAt: at,
      };
      await bindEntity(AttendanceRecord).put(records).go();
      await bindEntity(AttendanceImport).create(item).go();
      await bindEntity(AttendanceMonth)
        .create({
          agencyId,
          month,
          currentImportId: importId,
          fingerprint: item.fingerprint,
          revision: 1,
          updatedAt: at,
        })
        .go()
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
      ctx.log(`데모 데이터: ${agency.name} ${month} 출퇴근 자료 ${records.length}건`);
    }
  },
};

export const ATTENDANCE_SEED_STEPS: SeedStep[] = [attendanceStep];
