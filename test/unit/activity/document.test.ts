import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { activityLogPdf, type LogDocumentInput } from '#functions/activity/document';
import type { ListedEntry } from '#functions/activity/entry-rules';

const entry = (day: number, extra: Partial<ListedEntry> = {}): ListedEntry => ({
  entryId: `AL-${String(day).padStart(2, '0')}`,
  assistantId: 'AS-1',
  workerId: 'worker01',
  date: `2026-11-${String(day).padStart(2, '0')}`,
  attendance: 'work',
  start: '09:00',
  end: '13:00',
  contentCode: 'C02',
  consent: 'signed',
  signedBy: 'electronic',
  ...extra,
});

const input = (extra: Partial<LogDocumentInput> = {}): LogDocumentInput => ({
  month: '2026-11',
  workerName: '서준우',
  assistantName: '김민준',
  agencyName: '한빛근로지원센터',
  matchingPeriod: '2026-10-01~2027-09-30',
  supportType: '1유형(업무보조형)',
  entries: [
    entry(2),
    entry(3, { specialNotes: '거래처 방문 동행, 계단 이동 보조' }),
    entry(4, {
      attendance: 'annualLeave',
      leaveMinutes: 240,
      contentCode: undefined,
      consent: 'signed',
      signedBy: 'paper',
    }),
    entry(5, { consent: 'unsigned', contentCode: 'C99', otherContent: '사내 행사 준비물 정리' }),
  ],
  rounds: [
    {
      roundId: 'CR-1',
      kind: 'initial',
      status: 'signed',
      requestedAt: '2026-11-04T09:00:00.000Z',
      entryCount: 2,
      method: 'electronic',
      signedAt: '2026-11-04T10:30:00.000Z',
      typedName: '서준우',
      digest: 'a'.repeat(64),
    },
    {
      roundId: 'CR-2',
      kind: 'initial',
      status: 'signed',
      requestedAt: '2026-11-05T09:00:00.000Z',
      entryCount: 1,
      method: 'paper',
      signedAt: '2026-11-05T10:30:00.000Z',
      digest: 'b'.repeat(64),
      identityConfirmed: true,
    },
  ],
  generatedAt: '2026-11-21T05:00:00.000Z',
  ...extra,
});

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the printed activity log (PDF)', () => {
  it('prints month, worker, assistant, every entry and the consent record in Korean', async () => {
    const bytes = await activityLogPdf(input());
    const text = await textOf(bytes);
    for (const expected of [
      '근로지원인 활동일지 (2026년 11월)',
      '근로자 서준우',
      '근로지원인 김민준',
      '한빛근로지원센터',
      '2026-11-03',
      '컴퓨터·전산 업무 보조',
      '거래처 방문 동행',
      '연차(4시간(반차))',
      '사내 행사 준비물 정리',
      '동의 완료(전자서명)',
      '미요청',
      '전자서명 동의 기록',
      '2026년 11월 4일 19:30',
      'a'.repeat(64),
      '수기 서명본 첨부(본인 확인)',
      '근로자 성명',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds the Korean font and names the document', async () => {
    const doc = await PDFDocument.load(await activityLogPdf(input()));
    expect(doc.getTitle()).toBe('근로지원인 활동일지 (2026년 11월)');
    const descriptors = [...doc.context.enumerateIndirectObjects()].filter(
      ([, o]) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'),
    );
    expect(descriptors.length).toBeGreaterThan(0);
    expect(descriptors.every(([, o]) => (o as PDFDict).get(PDFName.of('FontFile2')) !== undefined)).toBe(true);
  });

  it('runs over pages for a full month, repeating the header, and says when there is nothing yet', async () => {
    const month = Array.from({ length: 30 }, (_, i) => [
      entry(i + 1, { entryId: `AL-${i}-a`, specialNotes: '특이사항 '.repeat(40) }),
      entry(i + 1, { entryId: `AL-${i}-b`, start: '14:00', end: '18:00' }),
    ]).flat();
    const bytes = await activityLogPdf(input({ entries: month }));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    const headers = (await textOf(bytes)).match(/순번 활동일자 활동시간 근태/g) ?? [];
    expect(headers.length).toBeGreaterThanOrEqual(doc.getPageCount() - 1);
    const empty = await textOf(await activityLogPdf(input({ entries: [], rounds: [] })));
    expect(empty).toContain('등록된 활동 내역이 없습니다.');
    expect(empty).toContain('아직 근로자에게 동의를 요청하지 않았습니다.');
  });
});
