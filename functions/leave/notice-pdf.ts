import { PDFDocument, rgb } from 'pdf-lib';
import { koreanDateTime, paddedFontkit, wrap } from '#functions/agencies/agreement-pdf';
import { koreanFont } from '#functions/agencies/fonts';
import { formatLeaveAmount } from './rules.ts';

// 연차 사용촉진 통지서 (근로기준법 §61): the written notice the agency gives the assistant, A4 portrait,
// the Korean font embedded as a subset (the same font and fontkit as the agreements and activity logs)
// so the text can be found and copied.

export interface NoticeDocumentInput {
  noticeId: string;
  round: number;
  action: 'request' | 'designation' | 'reminder';
  label: string;
  statute: string;
  agencyName: string;
  assistantName: string;
  periodEnd: string;
  unusedMinutes: number;
  dailyMinutes: number;
  issuedAt: string;
  /** the day by which the assistant answers (1차) */
  replyBy?: string;
  designatedDates: readonly string[];
  /** issued after the statutory window */
  late: boolean;
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const MUTED = rgb(0.35, 0.35, 0.35);
const ALERT = rgb(0.6, 0.1, 0.1);

function body(input: NoticeDocumentInput): string[] {
  const unused = formatLeaveAmount(input.unusedMinutes, input.dailyMinutes);
  const lines = [
    `${input.assistantName} 님의 연차 사용기간은 ${input.periodEnd}까지이며, 발행일 현재 쓰지 않은 연차는 ${unused}입니다.`,
  ];
  if (input.action === 'request') {
    lines.push(
      `근로기준법 제61조에 따라 남은 연차를 쓰도록 알려 드립니다. 이 통지를 받은 날부터 10일 안에(${input.replyBy ?? ''}까지) 연차를 쓸 날짜를 정하여 알려 주십시오.`,
      '날짜를 알려 주지 않으면 수행기관이 사용 날짜를 정하여 다시 알려 드립니다(2차 통지).',
      '답변은 근로지원인 포털의 [나의 연차] 화면에서 할 수 있습니다.',
    );
  } else if (input.action === 'designation') {
    lines.push(
      '1차 통지 뒤 10일 안에 사용 날짜를 알려 주지 않아, 수행기관이 아래 날짜를 연차 사용일로 정하여 알려 드립니다.',
      `지정한 사용일: ${input.designatedDates.join(', ')}`,
      '지정한 날에 연차를 쓰지 않으면 근로기준법 제61조에 따라 쓰지 않은 연차에 대한 수당을 드리지 않을 수 있습니다.',
      '확인하였음을 근로지원인 포털의 [나의 연차] 화면에서 알려 주십시오.',
    );
  } else {
    lines.push(
      '지정한 연차 사용일을 다시 안내해 드립니다. 이 안내는 수행기관이 자체로 드리는 것으로, 법정 절차가 아닙니다.',
      `지정한 사용일: ${input.designatedDates.join(', ')}`,
      '확인하였음을 근로지원인 포털의 [나의 연차] 화면에서 알려 주십시오.',
    );
  }
  return lines;
}

export async function leaveNoticePdf(input: NoticeDocumentInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const font = await doc.embedFont(koreanFont(), { subset: true });
  const title = `연차 유급휴가 사용촉진 통지서 (${input.round}차)`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(input.agencyName);
  doc.setSubject(`${input.label} — ${input.statute}`);
  doc.setLanguage('ko-KR');
  doc.setCreationDate(new Date(input.issuedAt));
  const page = doc.addPage(PAGE);
  const width = PAGE[0] - 2 * MARGIN;
  let y = PAGE[1] - MARGIN;
  const write = (text: string, size = 11, colour = rgb(0, 0, 0)) => {
    for (const line of wrap(text, font, size, width)) {
      page.drawText(line, { x: MARGIN, y, size, font, color: colour });
      y -= size * 1.6;
    }
  };
  write(title, 18);
  y -= 6;
  write(input.label, 10, MUTED);
  write(`근거: ${input.statute}`, 9, MUTED);
  y -= 10;
  write(`받는 사람: 근로지원인 ${input.assistantName}`);
  write(`보내는 곳: ${input.agencyName}`);
  write(`발행 일시: ${koreanDateTime(input.issuedAt)}`);
  write(`통지 번호: ${input.noticeId}`, 9, MUTED);
  y -= 10;
  for (const paragraph of body(input)) {
    write(paragraph);
    y -= 4;
  }
  if (input.late) {
    y -= 6;
    write(
      '이 통지는 법에서 정한 통지 기간이 지난 뒤 발행되었습니다. 근로기준법 제61조의 효과(미사용 연차수당 면제)가 인정되지 않을 수 있습니다.',
      9,
      ALERT,
    );
  }
  y -= 20;
  write(`${input.agencyName} (인)`, 12);
  return doc.save({ useObjectStreams: false });
}
