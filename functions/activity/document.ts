import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { koreanDateTime, paddedFontkit, wrap } from '#functions/agencies/agreement-pdf';
import { koreanFont } from '#functions/agencies/fonts';
import type { AttendanceCode } from '#kernel/attendance-kinds';
import {
  ATTENDANCE_TYPES,
  ROUND_KIND_LABELS,
  ROUND_STATUS_LABELS,
  type RoundKind,
  type RoundStatus,
  SIGNING_METHOD_LABELS,
  type SigningMethod,
} from './codes.ts';
import { type ListedEntry, monthRows, monthTotals } from './entry-rules.ts';

// The printed activity log (SPEC C1 "printable as PDF", C2's paper path): one month of one assistant's
// entries for one worker, generated on the server with pdf-lib, A4 landscape, the Korean font
// (functions/agencies/fonts.ts) embedded as a subset with its ToUnicode map so the text can be found
// and copied. It ends with the consent record: every round, how it was signed, when, by whom, and the
// SHA-256 of what was signed; and a box where the worker signs by hand when they cannot sign online.

export interface LogDocumentRound {
  roundId: string;
  kind: RoundKind;
  status: RoundStatus;
  requestedAt: string;
  entryCount: number;
  method?: SigningMethod;
  signedAt?: string;
  typedName?: string;
  digest?: string;
  reason?: string;
  identityConfirmed?: boolean;
}

export interface LogDocumentInput {
  month: string;
  workerName: string;
  assistantName: string;
  agencyName: string;
  /** 매칭 기간 and 지원 유형, as the list page's 지원 장애인 정보 shows them */
  matchingPeriod: string;
  supportType: string;
  entries: readonly ListedEntry[];
  rounds: readonly LogDocumentRound[];
  generatedAt: string;
}

const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = 36;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const LINE_COLOUR = rgb(0.62, 0.62, 0.66);
const HEAD_FILL = rgb(0.92, 0.93, 0.96);

const COLUMNS = [
  { title: '순번', width: 34 },
  { title: '활동일자', width: 68 },
  { title: '활동시간', width: 72 },
  { title: '근태', width: 84 },
  { title: '활동내용', width: 118 },
  { title: '기타 활동내용', width: 150 },
  { title: '특이사항', width: 142 },
  { title: '근로자 동의', width: 101.89 },
] as const;

const CELL_SIZE = 8.5;
const CELL_LINE = 11;
const CELL_PAD = 4;

/**
 * pdf-lib asks fontkit to lay out every string it draws or measures, and fontkit runs the font's
 * whole OpenType shaping (GSUB) each time: seconds for a month of entries. The text here is Hangul,
 * digits and punctuation, which need no shaping, and pdf-lib reads only the glyphs of a layout; so
 * the glyphs come straight from the character map, each looked up once.
 */
const directFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    const font = paddedFontkit.create(bytes, postscriptName) as unknown as {
      glyphForCodePoint(codePoint: number): unknown;
      layout(text: string): { glyphs: unknown[] };
    };
    const glyphs = new Map<number, unknown>();
    font.layout = (text: string) => ({
      glyphs: Array.from(text, (char) => {
        const codePoint = char.codePointAt(0)!;
        let glyph = glyphs.get(codePoint);
        if (glyph === undefined) {
          glyph = font.glyphForCodePoint(codePoint);
          glyphs.set(codePoint, glyph);
        }
        return glyph;
      }),
    });
    return font;
  },
} as unknown as typeof paddedFontkit;

/**
 * Text widths as the sum of per-character advances, each measured once: fontkit lays out every
 * string it measures, and wrapping a month of notes measures thousands of candidate lines.
 */
function measurer(font: PDFFont): Pick<PDFFont, 'widthOfTextAtSize'> {
  const advances = new Map<string, number>();
  return {
    widthOfTextAtSize(text: string, size: number) {
      let width = 0;
      for (const char of text) {
        let advance = advances.get(char);
        if (advance === undefined) {
          advance = font.widthOfTextAtSize(char, 1);
          advances.set(char, advance);
        }
        width += advance;
      }
      return width * size;
    },
  };
}

class Sheet {
  page!: PDFPage;
  y = 0;
  private readonly measure: Pick<PDFFont, 'widthOfTextAtSize'>;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.measure = measurer(font);
    this.newPage();
  }

  get width() {
    return PAGE[0] - MARGIN * 2;
  }

  newPage() {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  room(height: number): boolean {
    return this.y - height >= MARGIN + 18;
  }

  ensure(height: number) {
    if (!this.room(height)) this.newPage();
  }

  text(value: string, options: { size?: number; colour?: ReturnType<typeof rgb>; x?: number } = {}) {
    const size = options.size ?? 10;
    for (const line of wrap(value, this.measure, size, this.width - (options.x ?? 0))) {
      this.ensure(size * 1.5);
      this.page.drawText(line, {
        x: MARGIN + (options.x ?? 0),
        y: this.y - size,
        size,
        font: this.font,
        color: options.colour ?? INK,
      });
      this.y -= size * 1.5;
    }
  }

  gap(points: number) {
    this.y -= points;
  }

  /** One table row; cells wrap inside their column, the row is as tall as its tallest cell. */
  row(cells: readonly string[], head = false) {
    const lines = cells.map((cell, i) => wrap(cell, this.measure, CELL_SIZE, COLUMNS[i]!.width - CELL_PAD * 2));
    const height = Math.max(...lines.map((l) => l.length)) * CELL_LINE + CELL_PAD * 2;
    if (!this.room(height)) {
      this.newPage();
      if (!head)
        this.row(
          COLUMNS.map((c) => c.title),
          true,
        );
    }
    let x = MARGIN;
    COLUMNS.forEach((column, i) => {
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width: column.width,
        height,
        borderColor: LINE_COLOUR,
        borderWidth: 0.5,
        color: head ? HEAD_FILL : undefined,
      });
      lines[i]!.forEach((line, k) => {
        this.page.drawText(line, {
          x: x + CELL_PAD,
          y: this.y - CELL_PAD - CELL_SIZE - k * CELL_LINE,
          size: CELL_SIZE,
          font: this.font,
          color: INK,
        });
      });
      x += column.width;
    });
    this.y -= height;
  }
}

const hoursText = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60}시간` : `${Math.floor(minutes / 60)}시간 ${minutes % 60}분`;

function roundLines(round: LogDocumentRound, index: number): string[] {
  const head = `${index + 1}. ${ROUND_KIND_LABELS[round.kind]} — ${ROUND_STATUS_LABELS[round.status]}, 요청 ${koreanDateTime(round.requestedAt)}, ${round.entryCount}건`;
  const lines = [head];
  if (round.reason) lines.push(`   정정 사유: ${round.reason}`);
  if (round.status === 'signed' && round.method && round.signedAt) {
    const how =
      round.method === 'paper'
        ? `${SIGNING_METHOD_LABELS.paper}: 근로지원인이 근로자 본인의 수기 서명을 확인하고 스캔본을 첨부함`
        : `${SIGNING_METHOD_LABELS.electronic}: 근로자가 포털에서 이름 "${round.typedName ?? ''}"을(를) 입력하고 동의함`;
    lines.push(`   ${how} (${koreanDateTime(round.signedAt)})`);
    if (round.digest) lines.push(`   서명한 내용의 SHA-256: ${round.digest}`);
  }
  return lines;
}

/** The month as a PDF (bytes). */
export async function activityLogPdf(input: LogDocumentInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(directFontkit);
  const font = await doc.embedFont(koreanFont(), { subset: true });
  const [year, month] = input.month.split('-').map(Number) as [number, number];
  const title = `근로지원인 활동일지 (${year}년 ${month}월)`;
  const at = new Date(input.generatedAt);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(`${input.agencyName} — 근로지원인 ${input.assistantName}, 근로자 ${input.workerName}`);
  doc.setAuthor('한국장애인고용공단 근로지원인 플랫폼');
  doc.setCreator('근로지원인 플랫폼');
  doc.setProducer('pdf-lib');
  doc.setLanguage('ko-KR');
  doc.setCreationDate(at);
  doc.setModificationDate(at);

  const sheet = new Sheet(doc, font);
  sheet.text(title, { size: 16 });
  sheet.gap(4);
  sheet.text(
    `활동년월 ${year}년 ${month}월   ·   근로자 ${input.workerName}   ·   근로지원인 ${input.assistantName}   ·   수행기관 ${input.agencyName}`,
  );
  sheet.text(`지원기간 ${input.matchingPeriod}   ·   지원유형 ${input.supportType}`, { colour: MUTED });
  sheet.gap(8);

  const rows = monthRows(input.entries);
  const notes = new Map(input.entries.map((e) => [e.entryId, e.specialNotes ?? '']));
  sheet.row(
    COLUMNS.map((c) => c.title),
    true,
  );
  if (rows.length === 0) sheet.row(['', '', '', '', '등록된 활동 내역이 없습니다.', '', '', '']);
  for (const row of rows) {
    sheet.row([
      String(row.seq),
      row.date,
      row.time,
      row.attendance,
      row.content,
      row.otherContent,
      notes.get(row.entryId) ?? '',
      row.consent,
    ]);
  }

  sheet.gap(10);
  const totals = monthTotals(input.entries);
  const byType = ATTENDANCE_TYPES.filter((t) => totals.minutes[t.code as AttendanceCode])
    .map((t) => `${t.label} ${hoursText(totals.minutes[t.code as AttendanceCode]!)}`)
    .join(', ');
  sheet.text(
    `합계: ${totals.entries}건${byType ? ` (${byType})` : ''} · 동의 완료 ${totals.signed}건, 동의 요청 중 ${totals.requested}건, 미요청 ${totals.unsigned}건`,
  );

  sheet.gap(10);
  sheet.text('전자서명 동의 기록', { size: 12 });
  if (input.rounds.length === 0) sheet.text('아직 근로자에게 동의를 요청하지 않았습니다.', { colour: MUTED });
  input.rounds.forEach((round, i) => {
    for (const line of roundLines(round, i)) sheet.text(line, { size: 9 });
  });

  // the paper path: the worker signs here by hand, the assistant scans it and ticks 본인 확인
  sheet.gap(12);
  sheet.ensure(70);
  sheet.text('근로자 확인 (전자서명을 하지 못하는 경우에만 손으로 서명합니다)', { size: 10 });
  sheet.text(
    '위 활동 내역이 사실과 같음을 확인합니다.        년      월      일        근로자 성명:                        (서명)',
    { size: 10 },
  );

  const pages = doc.getPages();
  const left = `${title} · ${input.workerName} · 출력 ${koreanDateTime(input.generatedAt)}`;
  pages.forEach((page, index) => {
    const right = `${index + 1} / ${pages.length}`;
    page.drawText(left, { x: MARGIN, y: MARGIN - 14, size: 7.5, font, color: MUTED });
    page.drawText(right, {
      x: PAGE[0] - MARGIN - font.widthOfTextAtSize(right, 7.5),
      y: MARGIN - 14,
      size: 7.5,
      font,
      color: MUTED,
    });
  });
  return doc.save();
}
