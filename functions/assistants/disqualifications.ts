// The statutory disqualifications (자격제한 조건) of seed 000's 활동 신청 screen: 「장애인활동 지원에
// 관한 법률」 제29조제1호부터 제5호. A prospective assistant declares that none applies; the agency
// records its own check of each item with the date and the evidence. Defined once for both.

export const DISQUALIFICATION_LAW = '「장애인활동 지원에 관한 법률」 제29조제1호부터 제5호';

export const DISQUALIFICATIONS = [
  {
    code: 'mentalIllness',
    label: '「정신건강증진 및 정신질환자 복지서비스 지원에 관한 법률」 제3조제1호에 따른 정신질환자',
  },
  { code: 'drugAddiction', label: '마약·대마 또는 향정신성의약품 중독자' },
  { code: 'guardianship', label: '피성년후견인·피한정후견인' },
  {
    code: 'unservedSentence',
    label:
      '금고 이상의 형을 선고받고 그 형의 집행이 끝나지 아니하였거나 그 집행을 받지 아니하기로 확정되지 아니한 사람',
  },
  {
    code: 'sexualOffence',
    label:
      '「성폭력범죄의 처벌 등에 관한 특례법」 제3조부터 제10조까지 및 제15조에 규정된 죄로 금고 이상의 형을 선고받은 사람',
  },
] as const;

export type DisqualificationCode = (typeof DISQUALIFICATIONS)[number]['code'];
export const DISQUALIFICATION_CODES = DISQUALIFICATIONS.map((d) => d.code) as [
  DisqualificationCode,
  ...DisqualificationCode[],
];

/** What the applicant reads before answering 해당 / 미해당. */
export const SELF_DECLARATION_STATEMENT = `나는 ${DISQUALIFICATION_LAW}에 해당하지 않는다.`;

export const SELF_DECLARATION_CONFIRMATION =
  '위 내용에 해당되는 경우 근로지원인 활동을 할 수 없습니다. 이를 확인했습니다.';

/** Why an application stops when the applicant answers 해당. */
export const DISQUALIFIED_MESSAGE = `${DISQUALIFICATION_LAW}의 결격사유에 해당하면 근로지원인으로 활동할 수 없어 활동 신청을 받을 수 없습니다. 결격사유가 없어졌다면(예: 형의 집행이 끝남, 후견 종료) 그 뒤에 다시 신청해 주세요. 궁금한 점은 신청하려는 수행기관에 문의해 주세요.`;

export type Finding = 'clear' | 'found';

/** An agency's check: every item must be answered; any 'found' disqualifies. */
export function checkResult(findings: Record<DisqualificationCode, Finding>): 'clear' | 'disqualified' {
  return DISQUALIFICATION_CODES.some((code) => findings[code] === 'found') ? 'disqualified' : 'clear';
}

/** The items found, by label, for messages. */
export function foundLabels(findings: Partial<Record<DisqualificationCode, Finding>>): string[] {
  return DISQUALIFICATIONS.filter((d) => findings[d.code] === 'found').map((d) => d.label);
}
