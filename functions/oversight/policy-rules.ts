// The public policy pages every Korean public service publishes (SPEC F4): 개인정보 처리방침
// (개인정보 보호법 §30), 이용약관, 저작권 보호정책, 이메일무단수집거부. Each is a list of dated
// versions; the one in force on a day is the newest whose date has come, and earlier versions stay
// readable (the law asks that changes be traceable). Pure: the web renders it, a unit test checks the
// privacy policy against what the entities actually store.

export type PolicyId = 'privacy' | 'terms' | 'copyright' | 'no-email-collection';

export interface PolicySection {
  heading: string;
  paragraphs?: readonly string[];
  items?: readonly string[];
  table?: { caption: string; headers: readonly string[]; rows: readonly (readonly string[])[] };
}

export interface PolicyVersion {
  /** "1.0", "1.1", … */
  version: string;
  /** YYYY-MM-DD, Korea day from which this version applies */
  effectiveFrom: string;
  /** what changed from the version before (Korean) */
  changes: string;
  sections: readonly PolicySection[];
}

export interface PolicyDocument {
  id: PolicyId;
  title: string;
  path: string;
  /** newest first */
  versions: readonly PolicyVersion[];
}

/** One kind of personal data the product keeps, as the privacy policy states it. */
export interface PersonalDataItem {
  id: string;
  /** whose data (회원, 서비스 신청인, 근로지원인, …) */
  subject: string;
  items: string;
  purpose: string;
  retention: string;
  /** who else receives it (제3자 제공), or '제공하지 않음' */
  recipients: string;
  /** the first privacy-policy version that lists it */
  since: string;
  /**
   * where the product keeps it: `<capability file>.<attribute>` (e.g. `assistants.rrnCipher`);
   * a unit test checks each one exists and that every personal attribute is cited
   */
  stored: readonly string[];
}

const OFFICER =
  '개인정보 보호책임자: 한국장애인고용공단 정보보호 담당 부서장 (전화 1588-1519, 우편 13585 경기도 성남시 분당구 구미로173번길 59 한국장애인고용공단)';

export const PERSONAL_DATA_ITEMS: readonly PersonalDataItem[] = [
  {
    id: 'member',
    subject: '회원',
    items: '아이디, 이름, 휴대전화 번호, 동의 내역, 가입·탈퇴 일시, 마지막 로그아웃 시각',
    purpose: '본인 확인, 로그인 인증번호(문자) 발송, 서비스 신청과 이용 안내',
    retention: '회원탈퇴 때까지 (탈퇴 즉시 로그인 정보 삭제)',
    recipients: '제공하지 않음',
    since: '1.0',
    stored: [
      'caller-profile.name',
      'caller-profile.phone',
      // a new number being verified (회원정보수정), kept five minutes
      'identity.phone',
      'caller-profile.consents',
      'caller-profile.withdrawnAt',
      'caller-profile.signedOutAt',
    ],
  },
  {
    id: 'sign-in-security',
    subject: '회원',
    items: '로그인 실패 횟수, 잠금 시각, 인증번호 확인 횟수',
    purpose: '비밀번호 대입 공격 차단과 계정 보호',
    retention: '잠금이 풀리거나 인증이 끝나면 자동 삭제 (최대 하루)',
    recipients: '제공하지 않음',
    since: '1.0',
    stored: ['identity.failures', 'identity.lockedUntil', 'identity.tries'],
  },
  {
    id: 'staff',
    subject: '기관 담당자',
    items: '이름, 휴대전화 번호, 이메일, 소속 기관, 직위, 담당 업무, 보안 서약서',
    purpose: '담당자 계정 승인, 업무 연락',
    retention: '계정 삭제 때까지, 승인 기록은 3년',
    recipients: '제공하지 않음',
    since: '1.0',
    stored: [
      'identity.position',
      'identity.duties',
      'identity.pledgeUploadId',
      'agencies.contacts',
      'agencies.phone',
      'agencies.email',
    ],
  },
  {
    id: 'application',
    subject: '서비스 신청인(장애인 근로자)',
    items:
      '이름, 휴대전화 번호, 주소, 장애 유형과 장애 정도, 사업장(회사명, 사업자등록번호, 근무지 주소), 직무, 근무 형태와 근무시간, 필요한 지원 내용, 전자서명(입력한 이름, 서명 시각, 서명한 내용의 해시값)',
    purpose: '근로지원인 서비스 신청 접수, 평가, 수행기관 매칭 의뢰, 진행 상황 안내',
    retention: '서비스 종료 후 5년 (사업비 증빙과 함께 보존)',
    recipients: '매칭을 의뢰받은 수행기관: 이름, 연락처, 장애 유형, 사업장, 지원 내용 (서비스 제공 목적)',
    since: '1.0',
    stored: [
      'applications.name',
      'applications.phone',
      'applications.address',
      'applications.disability',
      'applications.workplace',
      'applications.job',
      'applications.duties',
      'applications.signature',
    ],
  },
  {
    id: 'evaluation',
    subject: '서비스 신청인(장애인 근로자)',
    items: '평가 결과(월 지원시간, 지원 기간, 지원 유형, 평가 의견), 반려 사유',
    purpose: '지원 여부와 지원시간 결정',
    retention: '서비스 종료 후 5년',
    recipients: '매칭을 의뢰받은 수행기관: 결정된 지원시간, 기간, 지원 유형',
    since: '1.0',
    stored: ['applications.evaluation', 'applications.rejectionReason'],
  },
  {
    id: 'assistant',
    subject: '근로지원인',
    items:
      '이름, 주민등록번호(암호화하여 보관, 가린 번호만 표시), 생년월일, 성별, 주소, 휴대전화 번호, 이메일, 장애 여부와 장애 유형(본인이 밝힌 경우), 자격·경력, 4대보험 취득·상실일, 입사·퇴사일, 활동 가능 지역과 시간',
    purpose: '근로지원인 등록, 한 사람이 두 기관에 동시에 고용되지 않았는지 확인, 4대보험과 급여 처리',
    retention: '퇴사 후 5년 (근로기준법 §42의 3년보다 긴 사업비 증빙 기간)',
    recipients: '고용한 수행기관, 관할 지사, 본부. 4대보험 신고를 위해 수행기관이 국민건강보험공단·근로복지공단에 신고',
    since: '1.0',
    stored: [
      'assistants.name',
      'assistants.rrnCipher',
      'assistants.rrnMac',
      'assistants.rrnMasked',
      'assistants.birthDate',
      'assistants.gender',
      'assistants.address',
      'assistants.phone',
      'assistants.mobilePhone',
      'assistants.email',
      'assistants.qualifications',
      'assistants.careers',
      'assistants.insurances',
      'assistants.disability',
      'assistants.hireDate',
      'assistants.leaveDate',
    ],
  },
  {
    id: 'qualification-checks',
    subject: '근로지원인',
    items:
      '자격제한 확인 결과(성범죄·마약류 중독·정신질환·피성년후견 등 결격 사유 해당 여부), 본인 진술, 확인 증빙 파일',
    purpose: '근로지원인 결격 사유 확인 (장애인에게 안전한 지원)',
    retention: '퇴사 후 5년',
    recipients: '제공하지 않음',
    since: '1.0',
    stored: [
      'assistants.qualificationChecks',
      'assistants.selfDeclaration',
      'assistants.sexualOffence',
      'assistants.drugAddiction',
      'assistants.mentalIllness',
      'assistants.guardianship',
    ],
  },
  {
    id: 'matching',
    subject: '근로자와 근로지원인',
    items: '매칭 기간, 주간 지원 일정, 근무지, 지원 유형, 종료 사유',
    purpose: '근로지원인 배정과 지원시간 관리',
    retention: '서비스 종료 후 5년',
    recipients: '수행기관, 관할 지사',
    since: '1.0',
    stored: ['matching.schedule', 'matching.workplaceName', 'matching.endReason'],
  },
  {
    id: 'activity-logs',
    subject: '근로자와 근로지원인',
    items:
      '활동일지(활동일자, 활동시간, 근태, 활동내용, 특이사항), 전자서명 동의(입력한 이름, 서명 시각, 접속 IP 주소, 서명한 내용의 해시값), 종이 동의서 스캔 파일',
    purpose: '근로지원 사실 확인과 사업비 산정',
    retention: '해당 연도 사업비 정산 후 5년',
    recipients: '수행기관, 관할 지사, 본부',
    since: '1.0',
    stored: [
      'activity.otherContent',
      'activity.specialNotes',
      'activity.typedName',
      'activity.sourceIp',
      'activity.scan',
    ],
  },
  {
    id: 'attendance',
    subject: '근로지원인',
    items: '사원번호, 이름, 휴대전화 번호 끝 네 자리, 출퇴근 시각, 휴게시간, 올린 파일의 접속 IP 주소',
    purpose: '출퇴근 기록과 활동일지 비교 (근무이력 확인)',
    retention: '해당 연도 사업비 정산 후 5년',
    recipients: '관할 지사, 본부',
    since: '1.0',
    stored: [
      'attendance.identifier',
      'attendance.clockIn',
      'attendance.clockOut',
      'attendance.breakMinutes',
      'attendance.sourceIp',
    ],
  },
  {
    id: 'copayments',
    subject: '장애인 근로자',
    items: '월별 지원시간, 본인부담금, 납부 내역(납부일, 금액, 방법)',
    purpose: '사업비 청구와 본인부담금 부과·확인',
    retention: '5년 (국세기본법 §85의3 장부 보존 기간)',
    recipients: '수행기관, 관할 지사, 본부',
    since: '1.0',
    stored: ['claims.supportedMinutes', 'claims.payments'],
  },
  {
    id: 'leave',
    subject: '근로지원인',
    items: '연차 발생·사용 내역, 소정근로시간, 연차 사용 촉진 통지와 답변',
    purpose: '근로기준법 §60·§61에 따른 연차 관리',
    retention: '퇴사 후 3년 (근로기준법 §42)',
    recipients: '고용한 수행기관',
    since: '1.1',
    stored: ['leave.weeklyContractMinutes', 'leave.answerDates', 'leave.answerNote'],
  },
  {
    id: 'pay',
    subject: '근로지원인',
    items: '급여 항목과 금액, 공제 항목(4대보험료, 소득세), 실지급액, 급여명세서',
    purpose: '급여 계산과 급여명세서 발급',
    retention: '5년 (근로기준법 §42의 3년, 국세기본법 §85의3의 5년 중 긴 기간)',
    recipients: '고용한 수행기관. 원천징수 신고를 위해 수행기관이 국세청에 신고',
    since: '1.1',
    stored: ['payroll.payItems', 'payroll.deductionItems', 'payroll.grossPay', 'payroll.netPay', 'payroll.slip'],
  },
  {
    id: 'organisation',
    subject: '수행기관·교육기관',
    items: '대표자 이름, 기관 연락처, 사업비를 받을 계좌(은행, 계좌번호, 예금주), 직인 이미지',
    purpose: '기관 지정, 약정 체결, 사업비 지급',
    retention: '약정 종료 후 5년',
    recipients: '제공하지 않음',
    since: '1.0',
    stored: [
      'agencies.representative',
      'agencies.address',
      'agencies.bankAccount',
      'agencies.bankHolder',
      'agencies.imageKey',
    ],
  },
  {
    id: 'access-records',
    subject: '개인정보를 처리한 사람과 그 대상자',
    items: '접속 일시, 처리한 사람, 처리 내용, 처리 대상자, 접속 IP 주소',
    purpose: '개인정보의 안전성 확보조치 기준 §8에 따른 접속기록 보관과 점검',
    retention: '3년 (법정 최소 2년)',
    recipients: '제공하지 않음',
    since: '1.0',
    stored: ['audit-trail.subjectIds', 'audit-trail.sourceIp'],
  },
];

const itemsIn = (version: string) => PERSONAL_DATA_ITEMS.filter((i) => Number(i.since) <= Number(version));

function privacyVersion(version: string, effectiveFrom: string, changes: string): PolicyVersion {
  const items = itemsIn(version);
  return {
    version,
    effectiveFrom,
    changes,
    sections: [
      {
        heading: '1. 처리 목적, 처리하는 개인정보 항목과 보유 기간',
        paragraphs: [
          '한국장애인고용공단(이하 "공단")은 근로지원인 사업을 운영하는 데 꼭 필요한 개인정보만 처리합니다. 아래 목적 밖으로 쓰지 않으며, 목적이 바뀌면 미리 동의를 받습니다 (개인정보 보호법 §15, §18).',
        ],
        table: {
          caption: '처리하는 개인정보 항목, 목적, 보유 기간',
          headers: ['대상', '항목', '처리 목적', '보유 기간'],
          rows: items.map((i) => [i.subject, i.items, i.purpose, i.retention]),
        },
      },
      {
        heading: '2. 민감정보와 고유식별정보',
        paragraphs: [
          '장애 유형과 장애 정도는 민감정보이고(개인정보 보호법 §23), 주민등록번호는 고유식별정보입니다(§24, §24의2). 공단은 장애인고용촉진 및 직업재활법과 같은 법 시행령이 근거를 둔 근로지원인 사업의 수행에 필요한 범위에서만 처리합니다.',
          '주민등록번호는 암호화하여 보관하고 화면에는 뒷자리를 가려 표시합니다. 전체 번호는 정해진 담당자가 사유를 적어야 볼 수 있으며, 볼 때마다 기록이 남습니다.',
        ],
      },
      {
        heading: '3. 개인정보의 제3자 제공',
        paragraphs: ['공단은 아래의 경우 말고는 개인정보를 다른 곳에 제공하지 않습니다.'],
        table: {
          caption: '개인정보를 받는 곳',
          headers: ['대상', '받는 곳과 항목'],
          rows: items.filter((i) => i.recipients !== '제공하지 않음').map((i) => [i.subject, i.recipients]),
        },
      },
      {
        heading: '4. 개인정보 처리의 위탁',
        items: [
          '정보시스템 운영(클라우드 서버와 저장소): Amazon Web Services 서울 리전. 데이터는 대한민국 안에 저장됩니다.',
          '문자 발송(로그인 인증번호, 진행 안내): 공단과 계약한 문자 발송 사업자',
        ],
      },
      {
        heading: '5. 개인정보의 파기 절차와 방법',
        items: [
          '보유 기간이 끝나거나 목적을 이룬 개인정보는 5일 안에 파기합니다.',
          '전자 파일은 복구할 수 없는 방법으로 지웁니다(데이터베이스의 만료 시각에 따른 자동 삭제, 저장소의 수명 주기 규칙에 따른 삭제).',
          '종이 동의서 스캔처럼 올린 파일도 같은 기간이 지나면 지웁니다.',
          '다른 법령이 보관을 정한 기록은 그 기간 동안 따로 보관하고, 그 목적 밖으로 쓰지 않습니다.',
        ],
      },
      {
        heading: '6. 정보주체의 권리와 행사 방법',
        items: [
          '누구나 자기 개인정보를 열람하고(§35), 틀린 내용을 고치거나 지우라고 하고(§36), 처리를 멈추라고 할 수 있습니다(§37). 동의를 철회할 수도 있습니다.',
          '마이페이지에서 신청 이력, 서비스 이력, 본인부담금, 급여명세서를 직접 볼 수 있고, 회원정보수정/탈퇴에서 탈퇴할 수 있습니다.',
          '그 밖의 요청은 관할 지사나 아래 개인정보 보호책임자에게 전화, 우편, 방문으로 할 수 있습니다. 공단은 10일 안에 답합니다.',
          '법정대리인이나 위임받은 사람도 위임장을 내고 요청할 수 있습니다.',
        ],
      },
      {
        heading: '7. 안전성 확보 조치',
        items: [
          '주민등록번호 등 중요한 정보는 항목마다 암호화하고, 찾을 때는 열쇠가 있는 해시값만 씁니다.',
          '담당자는 역할과 소속 기관 범위 안의 정보만 볼 수 있습니다. 로그인에는 비밀번호와 휴대전화 인증번호가 모두 필요합니다.',
          '다른 사람의 개인정보를 볼 때마다 접속기록을 남기고 3년 동안 보관합니다.',
          '60분 동안 쓰지 않으면 자동으로 로그아웃됩니다.',
        ],
      },
      {
        heading: '8. 개인정보 보호책임자',
        paragraphs: [OFFICER, '개인정보 처리에 관한 문의, 불만, 피해 구제는 개인정보 보호책임자에게 할 수 있습니다.'],
      },
      {
        heading: '9. 권익침해 구제 방법',
        items: [
          '개인정보 분쟁조정위원회: 국번 없이 1833-6972 (www.kopico.go.kr)',
          '개인정보침해 신고센터: 국번 없이 118 (privacy.kisa.or.kr)',
          '대검찰청: 국번 없이 1301 (www.spo.go.kr)',
          '경찰청: 국번 없이 182 (ecrm.police.go.kr)',
        ],
      },
      {
        heading: '10. 개인정보 처리방침의 변경',
        paragraphs: [
          `이 처리방침은 ${effectiveFrom}부터 적용합니다. 바뀌면 적용 7일 전부터 이 화면에 알리고, 이전 처리방침도 계속 볼 수 있게 합니다.`,
        ],
      },
    ],
  };
}

const PRIVACY: PolicyDocument = {
  id: 'privacy',
  title: '개인정보 처리방침',
  path: '/policies/privacy',
  versions: [
    privacyVersion('1.1', '2026-10-01', '연차 관리와 급여 기능을 열면서 연차·급여 정보 항목을 더했습니다.'),
    privacyVersion('1.0', '2026-01-01', '처음 만들었습니다.'),
  ],
};

const TERMS: PolicyDocument = {
  id: 'terms',
  title: '이용약관',
  path: '/policies/terms',
  versions: [
    {
      version: '1.0',
      effectiveFrom: '2026-01-01',
      changes: '처음 만들었습니다.',
      sections: [
        {
          heading: '제1조 (목적)',
          paragraphs: [
            '이 약관은 한국장애인고용공단(이하 "공단")이 운영하는 장애인서비스신청포털, 수행기관·교육기관 시스템, 근로지원인 내부 시스템(이하 "서비스")을 이용하는 조건과 절차, 공단과 이용자의 권리와 의무를 정합니다.',
          ],
        },
        {
          heading: '제2조 (회원가입과 계정)',
          items: [
            '회원은 본인의 이름과 휴대전화 번호로 가입하며, 로그인할 때마다 휴대전화로 받은 인증번호를 입력합니다.',
            '아이디와 비밀번호는 본인만 써야 하며 다른 사람에게 빌려주거나 알려 주면 안 됩니다.',
            '수행기관·교육기관 담당자 계정은 관할 지사가 승인한 뒤에 쓸 수 있습니다.',
            '비밀번호를 5번 틀리면 계정이 잠시 잠깁니다.',
          ],
        },
        {
          heading: '제3조 (서비스의 내용)',
          items: [
            '근로지원인 서비스 신청과 진행 상황 확인',
            '근로지원인 활동일지 작성과 장애인 근로자의 전자서명 동의',
            '수행기관의 근로지원인 관리, 사업비 신청과 정산, 연차와 급여 관리',
            '지원기관 찾기, 구인정보 조회, 근로지원인 활동 신청',
          ],
        },
        {
          heading: '제4조 (이용자의 의무)',
          items: [
            '사실과 다른 내용을 입력하면 안 됩니다. 특히 활동일지와 출퇴근 기록은 실제와 같아야 하며, 거짓으로 사업비를 받으면 장애인고용촉진 및 직업재활법에 따라 반환하고 제재를 받을 수 있습니다.',
            '서비스에서 알게 된 다른 사람의 개인정보를 업무 밖으로 쓰거나 알리면 안 됩니다.',
            '서비스를 방해하는 프로그램이나 자동 접속 도구를 쓰면 안 됩니다.',
          ],
        },
        {
          heading: '제5조 (서비스의 중단)',
          paragraphs: [
            '공단은 점검이나 장애가 있을 때 서비스를 잠시 멈출 수 있으며, 미리 알 수 있는 점검은 공지사항으로 알립니다.',
          ],
        },
        {
          heading: '제6조 (탈퇴와 이용 제한)',
          items: [
            '회원은 언제든지 마이페이지의 회원정보수정/탈퇴에서 탈퇴할 수 있습니다. 탈퇴하면 바로 로그인할 수 없습니다.',
            '법령이 보관을 정한 기록(서비스 신청·이용, 활동일지, 급여, 사업비)은 탈퇴한 뒤에도 정해진 기간 동안 보관합니다.',
            '제4조를 어기면 공단은 이용을 제한할 수 있으며, 그 이유를 알립니다.',
          ],
        },
        {
          heading: '제7조 (분쟁 해결)',
          paragraphs: [
            '서비스 이용에 관한 분쟁은 관할 지사와 먼저 협의합니다. 소송은 민사소송법에 따른 관할 법원에 제기합니다.',
          ],
        },
        {
          heading: '부칙',
          paragraphs: ['이 약관은 2026-01-01부터 적용합니다.'],
        },
      ],
    },
  ],
};

const COPYRIGHT: PolicyDocument = {
  id: 'copyright',
  title: '저작권 보호정책',
  path: '/policies/copyright',
  versions: [
    {
      version: '1.0',
      effectiveFrom: '2026-01-01',
      changes: '처음 만들었습니다.',
      sections: [
        {
          heading: '저작물의 이용',
          paragraphs: [
            '이 누리집의 글, 그림, 서식 등 공단이 만든 저작물은 공공저작물 자유이용허락 표시 기준(공공누리) 제1유형에 따라 출처를 밝히면 자유롭게 쓸 수 있습니다. 출처 표시 예: "출처: 한국장애인고용공단 장애인서비스신청포털".',
            '다만 다른 기관이나 개인이 저작권을 가진 자료는 그 저작권자의 허락을 받아야 합니다.',
          ],
        },
        {
          heading: '이용할 수 없는 정보',
          items: [
            '서비스 안의 개인정보(활동일지, 신청서, 급여명세서 등)는 저작물 이용 대상이 아니며 옮기거나 알릴 수 없습니다.',
            '공단의 로고와 직인은 공단의 허락 없이 쓸 수 없습니다.',
          ],
        },
        {
          heading: '문의',
          paragraphs: ['저작권 문의: 한국장애인고용공단 고객센터 1588-1519'],
        },
      ],
    },
  ],
};

const NO_EMAIL_COLLECTION: PolicyDocument = {
  id: 'no-email-collection',
  title: '이메일무단수집거부',
  path: '/policies/no-email-collection',
  versions: [
    {
      version: '1.0',
      effectiveFrom: '2026-01-01',
      changes: '처음 만들었습니다.',
      sections: [
        {
          heading: '이메일 주소 무단 수집을 거부합니다',
          paragraphs: [
            '이 누리집에 있는 이메일 주소를 전자우편 수집 프로그램이나 그 밖의 기술적 장치로 모으는 것을 거부합니다.',
            '이를 어기면 정보통신망 이용촉진 및 정보보호 등에 관한 법률 §50의2에 따라 1천만 원 이하의 과태료를 물 수 있습니다.',
          ],
        },
      ],
    },
  ],
};

export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [PRIVACY, TERMS, COPYRIGHT, NO_EMAIL_COLLECTION];

export function policyDocument(id: string): PolicyDocument | undefined {
  return POLICY_DOCUMENTS.find((d) => d.id === id);
}

export interface PolicyTimeline {
  /** in force on the day; the earliest version when none has come yet */
  current: PolicyVersion;
  /** announced, not yet in force (newest first) */
  upcoming: PolicyVersion[];
  /** replaced by `current` (newest first) */
  earlier: PolicyVersion[];
}

/** Which version applies on `day` (YYYY-MM-DD): the newest whose date has come. */
export function policyTimeline(doc: PolicyDocument, day: string): PolicyTimeline {
  const sorted = [...doc.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const inForce = sorted.findIndex((v) => v.effectiveFrom <= day);
  const currentIndex = inForce === -1 ? sorted.length - 1 : inForce;
  return {
    current: sorted[currentIndex]!,
    upcoming: sorted.slice(0, currentIndex),
    earlier: sorted.slice(currentIndex + 1),
  };
}
