import { z } from 'zod';
import { monthField, textField } from '#kernel/fields';
import { COPAY_EXEMPTION_BASIS_CODES } from './exemption-rules.ts';

// 본인부담금 면제 (SPEC C7): what the branch records on a worker's evaluation. The answer is the
// application (applicationResponse), which carries the exemption.

export const copayExemptionBody = z.object({
  basis: z.enum(COPAY_EXEMPTION_BASIS_CODES, { error: '면제 근거를 골라 주세요.' }),
  fromMonth: monthField('면제 시작 월'),
  toMonth: monthField('면제 종료 월'),
  note: textField('면제 메모', {
    max: 300,
    multiline: true,
    messages: { max: '면제 메모는 300자 이하로 입력해 주세요.' },
  }).optional(),
});

export type CopayExemptionBody = z.output<typeof copayExemptionBody>;

export const COPAY_EXEMPTION_LABELS: Record<string, string> = {
  basis: '면제 근거',
  fromMonth: '면제 시작 월',
  toMonth: '면제 종료 월',
  note: '면제 메모',
};
