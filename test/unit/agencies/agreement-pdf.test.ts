import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementPdf, supersessionPdf, wrap } from '#functions/agencies/agreement-pdf';
import { koreanBoldFont } from '#functions/agencies/fonts';
import { sealPng } from '#functions/agencies/seal-image';

const parties = {
  kead: { name: '한국장애인고용공단', office: '서울지사' },
  agency: {
    name: '한빛근로지원센터',
    representative: '윤서진',
    address: '서울특별시 마포구 월드컵북로 400, 5층',
    businessNumber: '123-45-67891',
  },
};
const terms = {
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  budget: 120_000_000,
  assistantQuota: 12,
  workerQuota: 30,
  operatingCostRate: 10.49,
  specialTerms: '근로지원인 교육은 연 2회 이상 실시한다.',
};

let keadSeal: { bytes: Uint8Array; contentType: string };
let agencySeal: { bytes: Uint8Array; contentType: string };

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

/** The embedded TrueType subsets of a PDF, decompressed. */
async function embeddedFonts(bytes: Uint8Array): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(bytes);
  const fonts: Uint8Array[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = doc.context.lookup(object.get(PDFName.of('FontFile2')));
    if (file instanceof PDFRawStream) fonts.push(inflateSync(file.getContents()));
  }
  return fonts;
}

async function imageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  let count = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    // each seal is an RGB image with its transparency as a separate grey mask image
    if (
      object instanceof PDFStream &&
      object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') &&
      object.dict.get(PDFName.of('ColorSpace')) === PDFName.of('DeviceRGB')
    )
      count++;
  }
  return count;
}

beforeAll(() => {
  keadSeal = {
    bytes: sealPng({ lines: ['한국장애인', '고용공단', '이사장인'], font: koreanBoldFont() }),
    contentType: 'image/png',
  };
  agencySeal = {
    bytes: sealPng({ lines: ['한빛근로', '지원센터'], font: koreanBoldFont() }),
    contentType: 'image/png',
  };
});

describe('agreement PDF (A3)', () => {
  const base = {
    agreementId: '2026-AG-HANBIT-1',
    year: 2026,
    revision: 1,
    parties,
    terms,
    issuedAt: '2026-11-21T05:00:00.000Z',
  };

  it('writes both parties’ Korean names, the terms and the amount as searchable text', async () => {
    const bytes = await agreementPdf({ ...base, stage: 'issued', keadSeal });
    const text = await textOf(bytes);
    expect(text).toContain('2026년 근로지원인 지원사업 수행 약정서');
    expect(text).toContain('한국장애인고용공단');
    expect(text).toContain('한빛근로지원센터');
    expect(text).toContain('대표 윤서진');
    expect(text).toContain('금 일억이천만원정(₩120,000,000)');
    expect(text).toContain('발급본(공단 날인)');
    expect(text).toContain('날인 전 발급본');
    expect(await imageCount(bytes)).toBe(1);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('2026년 근로지원인 지원사업 수행 약정서');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-21T05:00:00.000Z');
  });

  it('embeds a subset of the Korean font whose every glyph has an outline', async () => {
    const bytes = await agreementPdf({ ...base, stage: 'issued', keadSeal });
    expect(bytes.length).toBeLessThan(200_000);
    const [font] = await embeddedFonts(bytes);
    expect(font).toBeDefined();
    const subset = fontkit.create(font!);
    expect(subset.numGlyphs).toBeGreaterThan(150);
    // with odd-length glyphs left unpadded the short loca table points into the middle of glyphs:
    // their outlines then come out empty or broken
    let empty = 0;
    for (let id = 1; id < subset.numGlyphs; id++) {
      const glyph = subset.getGlyph(id);
      const commands = (glyph.path as unknown as { commands: unknown[] }).commands;
      if (glyph.advanceWidth > 0 && commands.length === 0) empty++;
    }
    // a few glyphs (space) have no outline by design
    expect(empty).toBeLessThanOrEqual(2);
  });

  it('stamps both seals on the complete copy and names the issued copy it was stamped on', async () => {
    const bytes = await agreementPdf({
      ...base,
      stage: 'complete',
      stampedAt: '2026-11-22T01:00:00.000Z',
      keadSeal,
      agencySeal,
      issuedSha256: 'a'.repeat(64),
    });
    const text = await textOf(bytes);
    expect(text).toContain('체결본(양측 날인)');
    expect(text).toContain(`날인한 발급본의 SHA-256: ${'a'.repeat(64)}`);
    expect(text).not.toContain('날인 전 발급본');
    expect(await imageCount(bytes)).toBe(2);
  });

  it('says on a reissue which agreement it replaces, and the notice says the same of the old one', async () => {
    const reissue = await agreementPdf({
      ...base,
      agreementId: '2026-AG-HANBIT-2',
      revision: 2,
      supersedes: '2026-AG-HANBIT-1',
      stage: 'issued',
      keadSeal,
    });
    expect(await textOf(reissue)).toContain('약정 번호 2026-AG-HANBIT-1 약정서를 대체합니다');
    const notice = await supersessionPdf({
      agreementId: '2026-AG-HANBIT-1',
      replacementId: '2026-AG-HANBIT-2',
      year: 2026,
      parties,
      lastDocument: { stage: 'complete', sha256: 'b'.repeat(64), createdAt: '2026-03-01T00:00:00.000Z' },
      supersededAt: '2026-11-21T05:00:00.000Z',
      keadSeal,
    });
    const text = await textOf(notice);
    expect(text).toContain('약정서 대체 확인서');
    expect(text).toContain('재발급된 약정서(약정 번호 2026-AG-HANBIT-2)로 대체되었습니다');
    expect(text).toContain('b'.repeat(64));
  });

  it('wraps long lines at spaces, and inside a word only when it must', () => {
    const widthOf = { widthOfTextAtSize: (text: string) => text.length };
    expect(wrap('가나 다라 마바', widthOf, 1, 5)).toEqual(['가나 다라', '마바']);
    expect(wrap('가나다라마바사', widthOf, 1, 3)).toEqual(['가나다', '라마바', '사']);
    expect(wrap('첫 줄\n둘째 줄', widthOf, 1, 10)).toEqual(['첫 줄', '둘째 줄']);
  });
});
