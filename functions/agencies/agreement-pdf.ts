import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { koreaDay, koreaMinuteInWords } from '#kernel/korea-time';
import { articles, contractAmount, koreanDay, type Parties, type Terms } from './agreement-template.ts';
import { koreanFont } from './fonts.ts';

// The agreement as a PDF (A3), generated on the server with pdf-lib: A4, the Korean font embedded
// as a subset (with its ToUnicode map, so the text can be searched and copied), the seals placed on
// the parties' "(인)" marks. One function per document kind: the issued copy (KEAD's seal), the
// complete copy (both seals) and the notice that a reissue superseded an agreement.

export type DocumentStage = 'issued' | 'complete' | 'supersession';

export const DOCUMENT_STAGE_LABELS: Record<DocumentStage, string> = {
  issued: '발급본(공단 날인)',
  complete: '체결본(양측 날인)',
  supersession: '대체 확인서',
};

export interface SealImage {
  bytes: Uint8Array;
  contentType: string;
}

export interface AgreementDocumentInput {
  agreementId: string;
  year: number;
  revision: number;
  /** the agreement this one replaces (a reissue) */
  supersedes?: string;
  stage: 'issued' | 'complete';
  parties: Parties;
  terms: Terms;
  issuedAt: string;
  stampedAt?: string;
  keadSeal: SealImage;
  agencySeal?: SealImage;
  /** for the complete copy: the issued copy it was stamped on */
  issuedSha256?: string;
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY_SIZE = 10.5;
const LINE = 1.6;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const ALERT = rgb(0.7, 0.1, 0.12);

/** Writes lines top to bottom, wrapping by width and opening pages as needed. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.page = doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  get width() {
    return PAGE[0] - MARGIN * 2;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN + 24) {
      this.page = this.doc.addPage(PAGE);
      this.y = PAGE[1] - MARGIN;
    }
  }

  text(
    value: string,
    options: { size?: number; color?: ReturnType<typeof rgb>; indent?: number; centre?: boolean } = {},
  ) {
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    for (const line of wrap(value, this.font, size, this.width - indent)) {
      this.ensure(size * LINE);
      const x = options.centre ? MARGIN + (this.width - this.font.widthOfTextAtSize(line, size)) / 2 : MARGIN + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font: this.font, color: options.color ?? INK });
      this.y -= size * LINE;
    }
  }

  gap(points: number) {
    this.y -= points;
  }

  rule() {
    this.ensure(8);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: PAGE[0] - MARGIN, y: this.y },
      thickness: 0.6,
      color: MUTED,
    });
    this.y -= 8;
  }
}

/** Greedy wrapping: break at spaces where possible, inside a word (Hangul) where not. */
export function wrap(value: string, font: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of value.split('\n')) {
    let line = '';
    for (const token of paragraph.split(/(\s+)/)) {
      if (!token) continue;
      const candidate = line + token;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = token.trimStart();
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * @pdf-lib/fontkit 1.1.1 copies each glyph's bytes into the subset as they are, then writes a short
 * `loca` table, which can only point at even offsets: a glyph of odd length shifts every glyph after
 * it and viewers draw them blank (Noto Sans KR has many such glyphs). Padding every glyph to four
 * bytes, as the TrueType spec recommends, keeps every offset exact.
 */
export const paddedFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(bytes, postscriptName) as unknown as { createSubset(): unknown };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as {
        glyf: { length: number; constructor: unknown }[];
        offset: number;
        _addGlyph(gid: number): number;
      };
      const addGlyph = subset._addGlyph.bind(subset);
      subset._addGlyph = (gid: number) => {
        const index = addGlyph(gid);
        const glyph = subset.glyf[index]!;
        const pad = (4 - (glyph.length % 4)) % 4;
        if (pad) {
          // the subset's own Buffer class (a browser polyfill inside fontkit), not Node's
          const BufferClass = glyph.constructor as { concat(list: unknown[]): never; alloc(size: number): unknown };
          subset.glyf[index] = BufferClass.concat([glyph, BufferClass.alloc(pad)]);
          subset.offset += pad;
        }
        return index;
      };
      return subset;
    };
    return font;
  },
} as unknown as typeof fontkit;

async function newDocument(title: string, subject: string, createdAt: string) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const font = await doc.embedFont(koreanFont(), { subset: true });
  const at = new Date(createdAt);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(subject);
  doc.setAuthor('한국장애인고용공단 근로지원인 플랫폼');
  doc.setCreator('근로지원인 플랫폼');
  doc.setProducer('pdf-lib');
  doc.setLanguage('ko-KR');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  return { doc, font };
}

async function embedSeal(doc: PDFDocument, seal: SealImage): Promise<PDFImage> {
  return seal.contentType === 'image/jpeg' ? doc.embedJpg(seal.bytes) : doc.embedPng(seal.bytes);
}

function footer(doc: PDFDocument, font: PDFFont, left: string) {
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const right = `${index + 1} / ${pages.length}`;
    page.drawText(left, { x: MARGIN, y: MARGIN - 24, size: 8, font, color: MUTED });
    page.drawText(right, {
      x: PAGE[0] - MARGIN - font.widthOfTextAtSize(right, 8),
      y: MARGIN - 24,
      size: 8,
      font,
      color: MUTED,
    });
  });
}

/** "2026년 11월 21일 14:35" in Korea time. */
export function koreanDateTime(iso: string): string {
  return koreaMinuteInWords(iso);
}

/** The issued copy (KEAD's seal on 갑) or the complete copy (both seals). */
export async function agreementPdf(input: AgreementDocumentInput): Promise<Uint8Array> {
  const title = `${input.year}년 근로지원인 지원사업 수행 약정서`;
  const createdAt = input.stage === 'complete' ? (input.stampedAt ?? input.issuedAt) : input.issuedAt;
  const { doc, font } = await newDocument(
    title,
    `${input.parties.kead.name} ${input.parties.kead.office} — ${input.parties.agency.name}, 약정 번호 ${input.agreementId}`,
    createdAt,
  );
  const w = new Writer(doc, font);
  const { parties, terms } = input;

  w.text(DOCUMENT_STAGE_LABELS[input.stage], { size: 9, color: input.stage === 'complete' ? INK : ALERT });
  w.gap(6);
  w.text(title, { size: 18, centre: true });
  w.gap(4);
  w.text(`약정 번호 ${input.agreementId} (${input.revision}차)`, { size: 9.5, centre: true, color: MUTED });
  if (input.supersedes) {
    w.gap(4);
    w.text(`이 약정서는 재발급본으로, 약정 번호 ${input.supersedes} 약정서를 대체합니다.`, {
      size: 10,
      centre: true,
      color: ALERT,
    });
  }
  w.gap(12);
  w.text(
    `${parties.kead.name} ${parties.kead.office}(이하 “갑”)와(과) ${parties.agency.name}(이하 “을”)은(는) 근로지원인 지원사업의 수행에 관하여 다음과 같이 약정한다.`,
  );
  w.gap(8);
  w.rule();
  const facts: [string, string][] = [
    ['사업 기간', `${koreanDay(terms.periodStart)} ~ ${koreanDay(terms.periodEnd)}`],
    ['사업비 총액', contractAmount(terms.budget)],
    ['근로지원인 배정 인원', `${terms.assistantQuota}명`],
    ['지원 대상 장애인 수', `${terms.workerQuota}명`],
    ['사업운영비 적용 비율', `${terms.operatingCostRate}%`],
  ];
  for (const [label, value] of facts) w.text(`${label}: ${value}`, { indent: 8 });
  w.rule();
  w.gap(6);
  for (const article of articles(input.year, parties, terms)) {
    w.text(article.title, { size: 11 });
    w.text(article.body, { indent: 8 });
    w.gap(5);
  }
  if (terms.specialTerms) {
    w.text('제9조(특약 사항)', { size: 11 });
    w.text(terms.specialTerms, { indent: 8 });
    w.gap(5);
  }

  // signature blocks: date, then 갑 and 을 with their seals on the (인) marks
  w.ensure(200);
  w.gap(10);
  w.text(`발급일 ${koreanDay(koreaDay(input.issuedAt))}`, { centre: true });
  if (input.stage === 'complete' && input.stampedAt) {
    w.text(`체결일 ${koreanDay(koreaDay(input.stampedAt))}`, { centre: true });
  }
  w.gap(14);
  const keadSeal = await embedSeal(doc, input.keadSeal);
  const agencySeal = input.agencySeal ? await embedSeal(doc, input.agencySeal) : undefined;
  signatureBlock(w, '갑', [`${parties.kead.name}`, `${parties.kead.office}장`], keadSeal);
  w.gap(10);
  const agencyLines = [parties.agency.name, `대표 ${parties.agency.representative}`, `주소 ${parties.agency.address}`];
  if (parties.agency.businessNumber) agencyLines.push(`사업자등록번호 ${parties.agency.businessNumber}`);
  signatureBlock(w, '을', agencyLines, agencySeal);
  if (!agencySeal) {
    w.gap(6);
    w.text('“을”의 날인 전 발급본입니다. 수행기관이 승인된 직인으로 날인하면 체결본이 만들어집니다.', {
      size: 9,
      color: ALERT,
    });
  }
  if (input.stage === 'complete' && input.issuedSha256) {
    w.gap(6);
    w.text(`날인한 발급본의 SHA-256: ${input.issuedSha256}`, { size: 7.5, color: MUTED });
  }

  footer(doc, font, `약정 번호 ${input.agreementId} · ${DOCUMENT_STAGE_LABELS[input.stage]}`);
  return doc.save({ useObjectStreams: false });
}

function signatureBlock(w: Writer, party: string, lines: readonly string[], seal: PDFImage | undefined) {
  const size = 11;
  const height = Math.max(lines.length * size * LINE, 64);
  w.ensure(height + 8);
  const top = w.y;
  const x = MARGIN + 120;
  // the (인) mark stands after the name lines, in its own column; the seal is stamped over it
  const nameLines = lines.slice(0, 2);
  const markLine = nameLines.length - 1;
  const markX = x + Math.max(...nameLines.map((line) => w.font.widthOfTextAtSize(line, size))) + 28;
  const lineY = (i: number) => top - size - i * size * LINE;
  w.page.drawText(`“${party}”`, { x: MARGIN + 50, y: lineY(0), size, font: w.font, color: INK });
  lines.forEach((line, i) => {
    w.page.drawText(fitLine(line, w.font, size, PAGE[0] - MARGIN - x), {
      x,
      y: lineY(i),
      size,
      font: w.font,
      color: INK,
    });
  });
  w.page.drawText('(인)', { x: markX, y: lineY(markLine), size, font: w.font, color: INK });
  if (seal) {
    const side = 58;
    const centreX = markX + w.font.widthOfTextAtSize('(인)', size) / 2;
    const centreY = lineY(markLine) + size * 0.35;
    w.page.drawImage(seal, { x: centreX - side / 2, y: centreY - side / 2, width: side, height: side });
  }
  w.y = top - height;
}

function fitLine(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 1 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) cut--;
  return `${text.slice(0, cut)}…`;
}

export interface SupersessionInput {
  agreementId: string;
  replacementId: string;
  year: number;
  parties: Parties;
  /** the superseded agreement's last document and its hash */
  lastDocument: { stage: DocumentStage; sha256: string; createdAt: string };
  supersededAt: string;
  keadSeal: SealImage;
}

/**
 * The notice that a reissue superseded an agreement. The superseded agreement's own documents stay
 * exactly as they were (their hashes are on record); this notice is added beside them.
 */
export async function supersessionPdf(input: SupersessionInput): Promise<Uint8Array> {
  const title = `약정서 대체 확인서 (${input.agreementId})`;
  const { doc, font } = await newDocument(title, `${input.agreementId} → ${input.replacementId}`, input.supersededAt);
  const w = new Writer(doc, font);
  w.text(DOCUMENT_STAGE_LABELS.supersession, { size: 9, color: ALERT });
  w.gap(6);
  w.text('약정서 대체 확인서', { size: 18, centre: true });
  w.gap(16);
  w.text(
    `${input.parties.kead.name} ${input.parties.kead.office}와(과) ${input.parties.agency.name}이(가) 맺은 ${input.year}년 근로지원인 지원사업 수행 약정서(약정 번호 ${input.agreementId})는 재발급된 약정서(약정 번호 ${input.replacementId})로 대체되었습니다.`,
  );
  w.gap(8);
  w.text(`대체된 일시: ${koreanDateTime(input.supersededAt)}`, { indent: 8 });
  w.text(
    `대체된 약정서의 마지막 문서: ${DOCUMENT_STAGE_LABELS[input.lastDocument.stage]}, ${koreanDateTime(input.lastDocument.createdAt)}`,
    { indent: 8 },
  );
  w.text(`그 문서의 SHA-256: ${input.lastDocument.sha256}`, { indent: 8, size: 8 });
  w.gap(8);
  w.text('대체된 약정서의 문서는 고치지 않고 그대로 보관합니다. 앞으로는 재발급된 약정서를 따릅니다.');
  w.gap(20);
  const seal = await embedSeal(doc, input.keadSeal);
  signatureBlock(w, '갑', [input.parties.kead.name, `${input.parties.kead.office}장`], seal);
  footer(doc, font, `약정 번호 ${input.agreementId} · ${DOCUMENT_STAGE_LABELS.supersession}`);
  return doc.save({ useObjectStreams: false });
}
