import { PDFDocument, rgb } from 'pdf-lib';
import { paddedFontkit } from '#functions/agencies/agreement-pdf';
import { koreanFont } from '#functions/agencies/fonts';
import { hoursOfMinutes } from '#kernel/decimal';
import { METHOD_LABELS, type PaymentMethod, paidOf } from './copay-rules.ts';

// 본인부담금 납부 확인서 (SPEC C7): one worker's co-payments at one agency, each month's amount and the
// payments recorded against it, A4 portrait, the Korean font embedded as a subset so the text can be
// found and copied (the same font and fontkit as the agreements and activity logs).

export interface StatementInput {
  workerName: string;
  agencyName: string;
  generatedAt: string;
  months: {
    month: string;
    supportedMinutes: number;
    amount: number;
    payments: { date: string; amount: number; method: string }[];
  }[];
}

const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;

export async function copayStatementPdf(input: StatementInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const font = await doc.embedFont(koreanFont(), { subset: true });
  const title = '본인부담금 납부 확인서';
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor('한국장애인고용공단 근로지원인 플랫폼');
  doc.setLanguage('ko-KR');
  doc.setCreationDate(new Date(input.generatedAt));
  let page = doc.addPage([595.28, 841.89]);
  let y = 790;
  const line = (text: string, size = 10, colour = rgb(0, 0, 0)) => {
    if (y < 60) {
      page = doc.addPage([595.28, 841.89]);
      y = 790;
    }
    page.drawText(text, { x: 50, y, size, font, color: colour });
    y -= size + 8;
  };
  line(title, 18);
  y -= 6;
  line(`근로자 ${input.workerName}   ·   수행기관 ${input.agencyName}`);
  line(`발급일 ${input.generatedAt.slice(0, 10)}`, 9, rgb(0.35, 0.35, 0.35));
  y -= 8;
  let due = 0;
  let paid = 0;
  for (const month of [...input.months].sort((a, b) => a.month.localeCompare(b.month))) {
    const monthPaid = paidOf(month.payments);
    due += month.amount;
    paid += monthPaid;
    line(
      `${month.month}  지원 ${hoursOfMinutes(month.supportedMinutes)}시간  본인부담금 ${won(month.amount)}  납부 ${won(monthPaid)}  남은 금액 ${won(month.amount - monthPaid)}`,
      11,
    );
    if (month.payments.length === 0) line('    납부 기록 없음', 9, rgb(0.35, 0.35, 0.35));
    for (const p of month.payments) {
      line(`    ${p.date}  ${won(p.amount)}  ${METHOD_LABELS[p.method as PaymentMethod] ?? p.method}`, 9);
    }
  }
  y -= 8;
  line(`합계: 본인부담금 ${won(due)}, 납부 ${won(paid)}, 남은 금액 ${won(due - paid)}`, 12);
  y -= 12;
  line('위와 같이 본인부담금을 납부하였음을 확인합니다.', 10);
  line(`${input.agencyName}`, 10);
  return doc.save();
}
