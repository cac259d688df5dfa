import { bindEntity } from '#commons/entities';
import { BoardPost, BoardThread, Notice, NoticeAcknowledgement, type NoticeItem } from '#functions/oversight/entities';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import type { SeedStep } from './seed.ts';

// Demo data of oversight (SPEC F2): notices and forms for each audience, pinned and not, with and
// without acknowledgement — one changed after some agencies had read it (늘봄 must read it again),
// one of 서울지사 to its agencies that 한빛 has not read yet, one of 경기지사 that Seoul cannot see.
// Dated relative to today, so any day (January included) shows a sensible board.

export const DEMO_NOTICE_IDS = {
  applications: 'NT-DEMO-0001',
  consentForm: 'NT-DEMO-0002',
  claimDeadline: 'NT-DEMO-0003',
  seoulInspection: 'NT-DEMO-0004',
  gyeonggiMeeting: 'NT-DEMO-0005',
  trainingBook: 'NT-DEMO-0006',
} as const;

type DemoNotice = Omit<NoticeItem, 'board' | 'updatedAt' | 'publishedAt' | 'updatedBy'> & { daysAgo: number };

function demoNotices(year: number): DemoNotice[] {
  return [
    {
      noticeId: DEMO_NOTICE_IDS.applications,
      kind: 'notice',
      title: `${year}년 근로지원인 서비스 신청 안내`,
      body: `${year}년 근로지원인 서비스 신청을 받습니다.\n중증장애인 근로자는 장애인서비스신청포털에서 신청할 수 있습니다.\n문의: 관할 지사`,
      audience: 'everyone',
      publisherOffice: 'HQ',
      publishedBy: 'hq_admin',
      pinned: true,
      requiresAck: false,
      revision: 1,
      daysAgo: 20,
    },
    {
      noticeId: DEMO_NOTICE_IDS.consentForm,
      kind: 'form',
      title: '활동일지 수기 서명 동의서 서식',
      body: '장애인 근로자가 전자서명을 할 수 없을 때 쓰는 활동일지 수기 서명 동의서입니다. 출력해 서명을 받은 뒤 스캔해 올려 주세요.',
      audience: 'everyone',
      publisherOffice: 'HQ',
      publishedBy: 'hq_admin',
      pinned: false,
      requiresAck: false,
      revision: 1,
      daysAgo: 15,
    },
    {
      noticeId: DEMO_NOTICE_IDS.claimDeadline,
      kind: 'notice',
      title: '사업비 신청 마감 일정 변경 안내',
      body: '매월 사업비 신청 마감을 다음 달 10일에서 7일로 앞당깁니다. 근무이력 비교와 월 제출을 미리 마쳐 주세요.',
      audience: 'agencies',
      publisherOffice: 'HQ',
      publishedBy: 'hq_admin',
      pinned: true,
      requiresAck: true,
      revision: 2,
      daysAgo: 10,
    },
    {
      noticeId: DEMO_NOTICE_IDS.seoulInspection,
      kind: 'notice',
      title: '서울지사 수행기관 지도점검 일정 안내',
      body: '다음 달 서울지사 관할 수행기관 지도점검을 합니다. 활동일지, 출퇴근 기록, 사업비 증빙을 준비해 주세요.',
      audience: 'branchAgencies',
      audienceBranchId: 'BR-SEOUL',
      publisherOffice: 'BR-SEOUL',
      publishedBy: 'seoul_branch',
      pinned: false,
      requiresAck: true,
      revision: 1,
      daysAgo: 5,
    },
    {
      noticeId: DEMO_NOTICE_IDS.gyeonggiMeeting,
      kind: 'notice',
      title: '경기지사 수행기관 담당자 회의 안내',
      body: '경기지사 관할 수행기관 담당자 회의를 엽니다. 참석할 담당자를 알려 주세요.',
      audience: 'branchAgencies',
      audienceBranchId: 'BR-GYEONGGI',
      publisherOffice: 'BR-GYEONGGI',
      publishedBy: 'gyeonggi_branch',
      pinned: false,
      requiresAck: true,
      revision: 1,
      daysAgo: 3,
    },
    {
      noticeId: DEMO_NOTICE_IDS.trainingBook,
      kind: 'notice',
      title: '근로지원인 양성교육 교재 개정 안내',
      body: '양성교육 교재의 개인정보 보호 단원을 고쳤습니다. 다음 과정부터 새 교재를 써 주세요.',
      audience: 'institutions',
      publisherOffice: 'HQ',
      publishedBy: 'hq_admin',
      pinned: false,
      requiresAck: false,
      revision: 1,
      daysAgo: 8,
    },
  ];
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const noticesStep: SeedStep = {
  name: 'notices and forms (공지사항 6: 대상별, 상단 고정, 확인 요청과 재확인)',
  async run() {
    const today = clock.today();
    for (const { daysAgo, ...n } of demoNotices(clock.thisYear())) {
      const day = shiftDay(today, -daysAgo);
      await bindEntity(Notice)
        .put({ ...n, publishedAt: at(day, 1), updatedAt: at(day, n.revision > 1 ? 5 : 1), updatedBy: n.publishedBy })
        .go();
    }
    // 한빛 read the changed deadline notice; 늘봄 read its first version (asked again); 다온 has not
    const deadlineDay = shiftDay(today, -10);
    const acks = [
      { organisationId: 'AG-HANBIT', revision: 2, userId: 'agency_hanbit', at: at(deadlineDay, 6) },
      { organisationId: 'AG-NEULBOM', revision: 1, userId: 'agency_neulbom', at: at(deadlineDay, 3) },
    ];
    for (const ack of acks)
      await bindEntity(NoticeAcknowledgement)
        .put({ noticeId: DEMO_NOTICE_IDS.claimDeadline, ...ack })
        .go();
  },
};

export const DEMO_THREAD_IDS = {
  seoulAnswered: 'BT-DEMO-0001',
  seoulOpen: 'BT-DEMO-0002',
  gyeonggiOpen: 'BT-DEMO-0003',
} as const;

interface DemoThread {
  threadId: string;
  branchId: string;
  organisationId: string;
  organisationName: string;
  title: string;
  daysAgo: number;
  posts: { side: 'kead' | 'organisation'; authorId: string; authorOffice: string; body: string }[];
}

const DEMO_THREADS: DemoThread[] = [
  {
    threadId: DEMO_THREAD_IDS.seoulAnswered,
    branchId: 'BR-SEOUL',
    organisationId: 'AG-HANBIT',
    organisationName: '한빛근로지원센터',
    title: '근로지원인 휴직 중 4대보험 처리 문의',
    daysAgo: 6,
    posts: [
      {
        side: 'organisation',
        authorId: 'agency_hanbit',
        authorOffice: '한빛근로지원센터',
        body: '근로지원인이 다음 달부터 휴직합니다. 휴직 기간의 4대보험은 어떻게 처리하나요?',
      },
      {
        side: 'kead',
        authorId: 'seoul_branch',
        authorOffice: '서울지사',
        body: '휴직 신고 후 근로지원인 관리에서 상태를 휴직으로 바꿔 주세요. 보험료 납부 유예는 각 공단에 신청합니다.',
      },
    ],
  },
  {
    threadId: DEMO_THREAD_IDS.seoulOpen,
    branchId: 'BR-SEOUL',
    organisationId: 'AG-HANBIT',
    organisationName: '한빛근로지원센터',
    title: '종이 동의서 스캔본 해상도 기준이 있나요?',
    daysAgo: 1,
    posts: [
      {
        side: 'organisation',
        authorId: 'agency_hanbit',
        authorOffice: '한빛근로지원센터',
        body: '수기 서명 동의서를 스캔해 올릴 때 해상도나 파일 형식 기준이 있는지 알려 주세요.',
      },
    ],
  },
  {
    threadId: DEMO_THREAD_IDS.gyeonggiOpen,
    branchId: 'BR-GYEONGGI',
    organisationId: 'AG-NEULBOM',
    organisationName: '늘봄장애인자립지원센터',
    title: '정산 서류 제출 기한 문의',
    daysAgo: 2,
    posts: [
      {
        side: 'organisation',
        authorId: 'agency_neulbom',
        authorOffice: '늘봄장애인자립지원센터',
        body: '상반기 정산 서류는 언제까지 내야 하나요?',
      },
    ],
  },
];

const boardStep: SeedStep = {
  name: 'staff board (소통 공간: 서울 답변 완료·답변 대기, 경기 답변 대기)',
  async run() {
    const today = clock.today();
    for (const t of DEMO_THREADS) {
      const day = shiftDay(today, -t.daysAgo);
      const times = t.posts.map((_, i) => at(day, 1 + i * 3));
      await bindEntity(BoardThread)
        .put({
          threadId: t.threadId,
          branchId: t.branchId,
          organisationId: t.organisationId,
          organisationName: t.organisationName,
          title: t.title,
          askedBy: t.posts[0]!.side,
          status: t.posts.at(-1)!.side === t.posts[0]!.side ? 'open' : 'answered',
          postCount: t.posts.length,
          createdBy: t.posts[0]!.authorId,
          createdAt: times[0]!,
          lastPostAt: times.at(-1)!,
        })
        .go();
      for (const [i, post] of t.posts.entries())
        await bindEntity(BoardPost)
          .put({
            threadId: t.threadId,
            postId: `${String(i + 1).padStart(4, '0')}-${times[i]}`,
            createdAt: times[i]!,
            ...post,
          })
          .go();
    }
  },
};

export const OVERSIGHT_SEED_STEPS: SeedStep[] = [noticesStep, boardStep];
