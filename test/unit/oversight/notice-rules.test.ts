import { describe, expect, it } from 'vitest';
import {
  acknowledgingOrganisations,
  ackState,
  canRead,
  choseongOf,
  contentChanged,
  matchesSearch,
  type NoticeAudience,
  noticeOrder,
  publishProblem,
  type Reader,
} from '#functions/oversight/notice-rules';

const everyone: NoticeAudience = { audience: 'everyone', publisherOffice: 'HQ' };
const agencies: NoticeAudience = { audience: 'agencies', publisherOffice: 'HQ' };
const institutions: NoticeAudience = { audience: 'institutions', publisherOffice: 'HQ' };
const seoulAgencies: NoticeAudience = {
  audience: 'branchAgencies',
  audienceBranchId: 'BR-SEOUL',
  publisherOffice: 'BR-SEOUL',
};

const hanbit: Reader = { kind: 'agency', organisationId: 'AG-HANBIT', branchId: 'BR-SEOUL' };
const neulbom: Reader = { kind: 'agency', organisationId: 'AG-NEULBOM', branchId: 'BR-GYEONGGI' };
const kwedu: Reader = { kind: 'institution', organisationId: 'IN-KWEDU', branchId: 'BR-SEOUL' };
const seoul: Reader = { kind: 'branch', branchId: 'BR-SEOUL' };
const gyeonggi: Reader = { kind: 'branch', branchId: 'BR-GYEONGGI' };

describe('notice audiences', () => {
  it('everyone reads notices for everyone, the public included', () => {
    for (const r of [hanbit, kwedu, seoul, { kind: 'public' } as Reader, { kind: 'person' } as Reader])
      expect(canRead(r, everyone)).toBe(true);
  });

  it('a branch’s notice to its agencies reaches its agencies, itself and hq only', () => {
    expect(canRead(hanbit, seoulAgencies)).toBe(true);
    expect(canRead(seoul, seoulAgencies)).toBe(true);
    expect(canRead({ kind: 'hq' }, seoulAgencies)).toBe(true);
    expect(canRead(neulbom, seoulAgencies)).toBe(false);
    expect(canRead(gyeonggi, seoulAgencies)).toBe(false);
    expect(canRead(kwedu, seoulAgencies)).toBe(false);
    expect(canRead({ kind: 'public' }, seoulAgencies)).toBe(false);
  });

  it('national notices reach their kind of organisation and the staff of KEAD', () => {
    expect(canRead(neulbom, agencies)).toBe(true);
    expect(canRead(kwedu, agencies)).toBe(false);
    expect(canRead(kwedu, institutions)).toBe(true);
    expect(canRead(hanbit, institutions)).toBe(false);
    expect(canRead(gyeonggi, institutions)).toBe(true);
  });

  it('hq publishes to anyone, a branch to its own agencies or everyone', () => {
    expect(publishProblem({ kind: 'hq' }, { audience: 'agencies' })).toBeUndefined();
    expect(publishProblem({ kind: 'branch', branchId: 'BR-SEOUL' }, { audience: 'everyone' })).toBeUndefined();
    expect(publishProblem({ kind: 'branch', branchId: 'BR-SEOUL' }, seoulAgencies)).toBeUndefined();
    expect(publishProblem({ kind: 'branch', branchId: 'BR-SEOUL' }, { audience: 'agencies' })).toContain('본부만');
    expect(
      publishProblem(
        { kind: 'branch', branchId: 'BR-SEOUL' },
        { audience: 'branchAgencies', audienceBranchId: 'BR-GYEONGGI' },
      ),
    ).toContain('다른 지사');
    expect(publishProblem({ kind: 'hq' }, { audience: 'branchAgencies' })).toContain('지사를 골라');
  });

  it('names the organisations that must acknowledge', () => {
    expect(acknowledgingOrganisations(seoulAgencies)).toEqual({ kinds: ['agency'], branchId: 'BR-SEOUL' });
    expect(acknowledgingOrganisations(everyone)).toEqual({ kinds: ['agency', 'institution'] });
    expect(acknowledgingOrganisations(institutions)).toEqual({ kinds: ['institution'] });
  });
});

describe('notice search (Korean, 초성)', () => {
  const n = { title: '사업비 신청 마감 일정 변경 안내', body: '근무이력 비교와 월 제출을 미리 마쳐 주세요.' };

  it('takes the initial consonants of Hangul syllables and leaves the rest', () => {
    expect(choseongOf('사업비 신청')).toBe('ㅅㅇㅂ ㅅㅊ');
    expect(choseongOf('2027년 A')).toBe('2027ㄴ A');
    expect(choseongOf('까치')).toBe('ㄲㅊ');
  });

  it('finds by words of the title or text, ignoring spaces, every word required', () => {
    expect(matchesSearch(n, '마감')).toBe(true);
    expect(matchesSearch(n, '근무이력')).toBe(true);
    expect(matchesSearch(n, '신청마감')).toBe(true);
    expect(matchesSearch(n, '마감 제출')).toBe(true);
    expect(matchesSearch(n, '마감 지도점검')).toBe(false);
    expect(matchesSearch(n, '')).toBe(true);
  });

  it('finds by 초성 alone', () => {
    expect(matchesSearch(n, 'ㅅㅇㅂ')).toBe(true);
    expect(matchesSearch(n, 'ㅁㄱㅇㅈ')).toBe(true);
    expect(matchesSearch(n, 'ㅈㄷㅈㄱ')).toBe(false);
  });
});

describe('notice order and acknowledgement', () => {
  it('lists pinned notices first, then the newest', () => {
    const list = [
      { id: 'a', pinned: false, publishedAt: '2026-12-05' },
      { id: 'b', pinned: true, publishedAt: '2026-11-01' },
      { id: 'c', pinned: false, publishedAt: '2026-12-06' },
      { id: 'd', pinned: true, publishedAt: '2026-12-01' },
    ];
    expect([...list].sort(noticeOrder).map((n) => n.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('an acknowledgement counts for the revision read: a changed notice asks again', () => {
    expect(ackState({ requiresAck: false, revision: 1 }, undefined)).toBe('notRequired');
    expect(ackState({ requiresAck: true, revision: 1 }, undefined)).toBe('pending');
    expect(ackState({ requiresAck: true, revision: 1 }, { revision: 1 })).toBe('acknowledged');
    expect(ackState({ requiresAck: true, revision: 2 }, { revision: 1 })).toBe('changed');
  });

  it('only a changed title or text is a change readers must see again', () => {
    const n = { title: '제목', body: '내용' };
    expect(contentChanged(n, { ...n })).toBe(false);
    expect(contentChanged(n, { ...n, body: '내용 고침' })).toBe(true);
    expect(contentChanged(n, { ...n, title: '새 제목' })).toBe(true);
  });
});
