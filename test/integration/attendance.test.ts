import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// C3 and C4 end to end through the API on the local stack: 한빛's staff uploads last month's Shiftee
// CSV through a presigned URL and the landed object's S3 event imports it; a bad file is rejected whole with a downloadable report; a good one
// (made from the seeded activity logs, with one clock-in 30 minutes late) replaces the seeded import,
// the same file again does nothing; the comparison finds the late clock-in, the agency's tolerance
// decides, the finding is justified and the month submitted with the justification on record.

let stack: TestStack;
let token = '';
const { previous: month } = demoMonths();

const api = (method: string, path: string, body?: unknown) => checkedCallApi(stack, token, method, path, body);

/**
 * Uploads a CSV for the month the way the screen does: the presigned URL from attendance-uploads, the
 * PUT, then the S3 event imports it and the upload's progress is polled until it ends.
 */
async function uploadAndWait(text: string, fileName: string, contentType = 'text/csv'): Promise<Json> {
  const bytes = new TextEncoder().encode(text);
  const started = await api('POST', '/organisations/AG-HANBIT/attendance-uploads', {
    month,
    contentType,
    size: bytes.length,
    fileName,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const put = await fetch(started.body.url, { method: 'PUT', headers: started.body.headers, body: bytes });
  expect(put.ok).toBe(true);
  for (let i = 0; i < 200; i++) {
    const progress = await api('GET', `/attendance-uploads/${started.body.uploadId}`);
    expect(progress.status).toBe(200);
    if (progress.body.state === 'done' || progress.body.state === 'failed') return progress.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the import of ${fileName} did not end`);
}

const comparison = () => api('GET', `/organisations/AG-HANBIT/attendance-comparison?month=${month}`);

beforeAll(async () => {
  stack = await startStack();
  token = await signInThroughApi(stack, 'agency_hanbit');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('attendance import and comparison on the local stack', () => {
  let lateDay: { assistantId: string; date: string; entryId: string } | undefined;
  let goodCsv = '';

  it('shows the seeded month: a log without attendance blocks, a Saturday without a log does not', async () => {
    const res = await comparison();
    expect(res.status).toBe(200);
    const codes = res.body.rows.flatMap((r: Json) => r.findings.map((f: Json) => f.code));
    expect(codes).toEqual(expect.arrayContaining(['noAttendance', 'startEarly', 'noLog']));
    expect(res.body.canSubmit).toBe(false);
    expect(res.body.toleranceMinutes).toBe(10);
    expect(res.body.maxConcurrency).toBe(3);

    // last month's work days, straight from the logs: the clock matches them except one late clock-in
    const lines = ['사원번호,이름,날짜,출근,퇴근'];
    for (const row of res.body.rows as Json[]) {
      const onDuty = row.logs.filter((l: Json) => l.attendance === 'work' || l.attendance === 'training');
      if (onDuty.length === 0) continue;
      const start = onDuty.map((l: Json) => l.start).sort()[0];
      const end = onDuty
        .map((l: Json) => l.end)
        .sort()
        .at(-1);
      let clockIn = start;
      if (!lateDay) {
        lateDay = { assistantId: row.assistantId, date: row.date, entryId: onDuty[0].entryId };
        const [h, m] = start.split(':').map(Number);
        clockIn = `${String(h + (m + 30 >= 60 ? 1 : 0)).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
      }
      lines.push([row.assistantId, row.assistantName, row.date, clockIn, end].join(','));
    }
    expect(lines.length).toBeGreaterThan(10);
    goodCsv = lines.join('\r\n');
  });

  it('rejects a file with a bad row whole, with a report to view and download', async () => {
    const bad = goodCsv.replace(/\r\n([^,]+),([^,]+),([^,]+),/, '\r\n$1,$2,2099-01-01,');
    const res = await uploadAndWait(bad, '시프티_오류.csv');
    expect(res).toMatchObject({ state: 'done', outcome: 'rejected' });
    expect(res.import.errors[0]).toMatchObject({ row: 2, column: '날짜', cell: 'C2', value: '2099-01-01' });
    const report = await api('GET', `/attendance-imports/${res.import.importId}/error-report`);
    expect(report.status).toBe(200);
    const text = Buffer.from(report.body.base64, 'base64').toString('utf8');
    expect(text).toContain('행,열,셀,값,고칠 내용');
    expect(text).toContain('2,날짜,C2,2099-01-01');
    // nothing changed: the seeded import is still the month's
    const history = await api('GET', `/organisations/AG-HANBIT/attendance-imports?month=${month}`);
    expect(history.body.imports.map((i: Json) => [i.status, i.current])).toEqual([
      ['rejected', false],
      ['imported', true],
    ]);
  });

  it('replaces the month with a good file in one step, and does nothing when it comes again', async () => {
    const first = await uploadAndWait(goodCsv, '시프티_지난달.csv');
    expect(first).toMatchObject({ state: 'done', outcome: 'imported', import: { current: true, unmatched: [] } });
    const again = await uploadAndWait(goodCsv, '시프티_지난달_다시.csv');
    expect(again).toMatchObject({ state: 'done', outcome: 'duplicate', import: { importId: first.import.importId } });
    const history = await api('GET', `/organisations/AG-HANBIT/attendance-imports?month=${month}`);
    expect(history.body.imports).toHaveLength(3);
    expect(history.body.currentImportId).toBe(first.import.importId);
  });

  it('refuses a file that is not what it claims, with the reason on the upload, and imports nothing', async () => {
    const history = async () =>
      (await api('GET', `/organisations/AG-HANBIT/attendance-imports?month=${month}`)).body.imports.length;
    const before = await history();
    // declared as a spreadsheet, the bytes are text: the check after landing refuses it
    const res = await uploadAndWait(
      goodCsv,
      '시프티.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.state).toBe('failed');
    expect(res.problem).toMatch(/엑셀|파일/);
    expect(res.import).toBeUndefined();
    expect(await history()).toBe(before);
  });

  it('finds the late clock-in only; the tolerance is the agency’s; justified, the month is submitted', async () => {
    let res = await comparison();
    const open = res.body.rows.flatMap((r: Json) => r.findings.filter((f: Json) => f.blocking && !f.justification));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ code: 'startEarly', assistantId: lateDay!.assistantId, date: lateDay!.date });
    expect(open[0].message).toContain('30분 이릅니다(허용 10분)');

    const refused = await api('POST', '/organisations/AG-HANBIT/attendance-submissions', { month });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('1건 남아');

    expect((await api('PUT', '/organisations/AG-HANBIT/attendance-settings', { toleranceMinutes: 30 })).status).toBe(
      200,
    );
    res = await comparison();
    expect(res.body.summary.blockingOpen).toBe(0);
    expect((await api('PUT', '/organisations/AG-HANBIT/attendance-settings', { toleranceMinutes: 10 })).status).toBe(
      200,
    );

    const justified = await api('POST', '/organisations/AG-HANBIT/attendance-justifications', {
      month,
      findingId: open[0].id,
      reason: '출퇴근 앱이 늦게 켜져 출근이 늦게 찍혔습니다.',
    });
    expect(justified.status).toBe(200);
    res = await comparison();
    expect(res.body.canSubmit).toBe(true);

    const submitted = await api('POST', '/organisations/AG-HANBIT/attendance-submissions', { month });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      month,
      submittedBy: 'agency_hanbit',
      justified: [
        {
          assistantId: lateDay!.assistantId,
          date: lateDay!.date,
          code: 'startEarly',
          reason: '출퇴근 앱이 늦게 켜져 출근이 늦게 찍혔습니다.',
          by: 'agency_hanbit',
        },
      ],
    });
    // once submitted, the month's attendance stays as it was submitted
    const late = await api('POST', '/organisations/AG-HANBIT/attendance-uploads', {
      month,
      contentType: 'text/csv',
      size: goodCsv.length,
      fileName: '시프티_제출후.csv',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('이미 청구용으로 제출');
  });
});
