import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { paddedFontkit } from '#functions/agencies/agreement-pdf';
import { koreanFont } from '#functions/agencies/fonts';
import { hoursOfMinutes } from '#kernel/decimal';
import { formatWon, type PaySlip, TIME_SOURCE_LABELS, TIME_SOURCES } from './rules.ts';

// 급여명세서 (SPEC D2): one assistant's month, A4 portrait, in Korean with the font embedded as a subset
// (the same font and fontkit as the agreements and the co-payment statement), so the text can be
// found, copied and read aloud. Pay and deduction lines side by side, each adjustment with its reason.

export interface PaySlipInput {
  agencyName: string;
  assistantName: string;
  birthDate?: string;
  hireDate?: string;
  generatedAt: string;
  slip: PaySlip;
}

const GREY = rgb(0.35, 0.35, 0.35);
const won = (n: number) => `${formatWon(n)}원`;

export async function paySlipPdf(input: PaySlipInput): Promise<Uint8Array> {
  const { slip } = input;
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const font = await doc.embedFont(koreanFont(), { subset: true });
  const [year, month] = slip.month.split('-');
  const title = `${year}년 ${Number(month)}월 급여명세서`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(input.agencyName);
  doc.setLanguage('ko-KR');
  doc.setCreationDate(new Date(input.generatedAt));
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = 790;
  const text = (value: string, x: number, size = 10, colour = rgb(0, 0, 0)) =>
    page.drawText(value, { x, y, size, font, color: colour });
  const right = (value: string, xEnd: number, size = 10, f: PDFFont = font) =>
    page.drawText(value, { x: xEnd - f.widthOfTextAtSize(value, size), y, size, font: f });
  const next = (step = 16) => {
    y -= step;
    if (y < 60) {
      page = doc.addPage([595.28, 841.89]);
      y = 790;
    }
  };

  text(title, 50, 18);
  next(28);
  text(`성명 ${input.assistantName}`, 50);
  if (input.birthDate) text(`생년월일 ${input.birthDate}`, 220);
  if (input.hireDate) text(`입사일 ${input.hireDate}`, 390);
  next();
  text(`수행기관 ${input.agencyName}`, 50);
  text(`시급 ${won(slip.hourlyWage)}`, 390);
  next();
  text(`발급일 ${input.generatedAt.slice(0, 10)}`, 50, 9, GREY);
  next(24);

  text('근무 시간', 50, 12);
  next(18);
  const times = TIME_SOURCES.map((s) => `${TIME_SOURCE_LABELS[s]} ${hoursOfMinutes(slip.minutes[s])}시간`);
  text(times.slice(0, 3).join('   '), 60);
  next();
  text(times.slice(3).join('   '), 60);
  next();
  const ratios = Object.entries(slip.minutes.byRatio)
    .filter(([, m]) => m > 0)
    .map(([k, m]) => `${k === '1' ? '단독' : `1:${k}`} ${hoursOfMinutes(m)}시간`);
  if (ratios.length) {
    text(`서비스 시간 중 ${ratios.join(', ')}`, 60, 9, GREY);
    next();
  }
  next(10);

  // pay on the left half, deductions on the right half, row by row
  text('지급 항목', 50, 12);
  text('공제 항목', 310, 12);
  next(18);
  const rows = Math.max(slip.payLines.length, slip.deductionLines.length);
  const notes: string[] = [];
  for (let i = 0; i < rows; i++) {
    const pay = slip.payLines[i];
    const deduction = slip.deductionLines[i];
    if (pay) {
      text(pay.name, 60);
      right(won(pay.amount), 285);
      if (pay.adjustment) notes.push(`${pay.name}: ${signed(pay.adjustment.amount)} (사유: ${pay.adjustment.reason})`);
    }
    if (deduction) {
      text(deduction.name, 320);
      right(won(deduction.amount), 545);
      if (deduction.adjustment) {
        notes.push(`${deduction.name}: ${signed(deduction.adjustment.amount)} (사유: ${deduction.adjustment.reason})`);
      }
    }
    next();
  }
  next(6);
  page.drawLine({ start: { x: 50, y: y + 12 }, end: { x: 545, y: y + 12 }, thickness: 0.5, color: GREY });
  text('지급 합계', 60, 11);
  right(won(slip.grossPay), 285, 11);
  text('공제 합계', 320, 11);
  right(won(slip.totalDeductions), 545, 11);
  next(26);
  text(`실지급액 ${won(slip.netPay)}`, 50, 14);
  next(24);

  if (notes.length) {
    text('조정 내역', 50, 11);
    next(16);
    for (const note of notes) {
      for (const part of chunks(note, 60)) {
        text(part, 60, 9);
        next(13);
      }
    }
    next(8);
  }
  text(
    '국민연금·건강보험·장기요양보험·고용보험은 요율표의 근로자 부담률로, 10원 미만을 버려 계산했습니다.',
    50,
    8,
    GREY,
  );
  next(12);
  text('위와 같이 급여를 지급합니다.', 50, 10);
  next();
  text(input.agencyName, 50, 10);
  return doc.save();
}

const signed = (n: number) => (n >= 0 ? `+${won(n)}` : `-${won(-n)}`);

/** Splits long Korean text by characters (no spaces to wrap on in many reasons). */
function chunks(value: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += size) out.push(value.slice(i, i + size));
  return out.length ? out : [''];
}
