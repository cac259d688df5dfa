import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thisMonth } from '#kernel/clock';
import { DEMO_NOTICE_IDS, DEMO_THREAD_IDS } from '#local/demo-oversight';
import type { Json } from '../support/api.ts';
import { checkResponse } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Oversight and communication on the local stack. 공지사항 및 서식 자료실 (SPEC F2) end to end on the local stack with the demo notices: the portal
// shows only notices for everyone; each organisation sees what its audience allows (a branch's
// notice to its agencies is invisible to another branch's agencies and to that branch); pinned
// first; search by words and 초성; acknowledgement per organisation, asked again after a change; the
// publisher's list of who has and has not read it. 담당자 업무 소통 공간: a branch's threads are seen
// by that branch, its organisations and hq only; a question is answered once the other side writes.

let stack: TestStack;
const tokens: Record<string, string> = {};
const USERS = ['hq_admin', 'seoul_branch', 'gyeonggi_branch', 'agency_hanbit', 'agency_neulbom', 'trainer_kwedu'];

async function api(
  as: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json();
  checkResponse(method, path, res.status, answer);
  return { status: res.status, body: answer };
}

const ids = (body: Json): string[] => body.notices.map((n: { noticeId: string }) => n.noticeId);

beforeAll(async () => {
  stack = await startStack();
  for (const username of USERS) tokens[username] = await signInThroughApi(stack, username);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('notices: who sees what', () => {
  it('the portal lists only notices for everyone, pinned first, without sign-in', async () => {
    const { status, body } = await api(undefined, 'GET', '/public/notices');
    expect(status).toBe(200);
    expect(ids(body)).toEqual([DEMO_NOTICE_IDS.applications, DEMO_NOTICE_IDS.consentForm]);
    expect(body.notices[0].pinned).toBe(true);
    expect((await api(undefined, 'GET', '/public/notices?kind=form')).body.notices.map((n: Json) => n.kind)).toEqual([
      'form',
    ]);
    expect((await api(undefined, 'GET', `/public/notices/${DEMO_NOTICE_IDS.consentForm}`)).body.body).toContain(
      '수기 서명',
    );
    // a notice for agencies is not on the portal, by list or by address
    expect((await api(undefined, 'GET', `/public/notices/${DEMO_NOTICE_IDS.claimDeadline}`)).status).toBe(404);
  });

  it('a branch’s notice to its agencies reaches them and no other branch or its agencies', async () => {
    const hanbit = ids((await api('agency_hanbit', 'GET', '/notices')).body);
    expect(hanbit).toContain(DEMO_NOTICE_IDS.seoulInspection);
    expect(hanbit).not.toContain(DEMO_NOTICE_IDS.gyeonggiMeeting);
    expect(hanbit).not.toContain(DEMO_NOTICE_IDS.trainingBook);
    // pinned first: the pinned deadline notice (for agencies) and the pinned portal notice lead
    expect(hanbit.slice(0, 2)).toEqual([DEMO_NOTICE_IDS.claimDeadline, DEMO_NOTICE_IDS.applications]);

    const neulbom = ids((await api('agency_neulbom', 'GET', '/notices')).body);
    expect(neulbom).toContain(DEMO_NOTICE_IDS.gyeonggiMeeting);
    expect(neulbom).not.toContain(DEMO_NOTICE_IDS.seoulInspection);
    expect((await api('agency_neulbom', 'GET', `/notices/${DEMO_NOTICE_IDS.seoulInspection}`)).status).toBe(403);
    expect(ids((await api('gyeonggi_branch', 'GET', '/notices')).body)).not.toContain(DEMO_NOTICE_IDS.seoulInspection);

    const trainer = ids((await api('trainer_kwedu', 'GET', '/notices')).body);
    expect(trainer).toContain(DEMO_NOTICE_IDS.trainingBook);
    expect(trainer).not.toContain(DEMO_NOTICE_IDS.claimDeadline);
    expect(ids((await api('hq_admin', 'GET', '/notices')).body)).toHaveLength(Object.keys(DEMO_NOTICE_IDS).length);
  });

  it('searches title and text by words and by 초성', async () => {
    const search = async (q: string) =>
      ids((await api('agency_hanbit', 'GET', `/notices?q=${encodeURIComponent(q)}`)).body);
    expect(await search('마감')).toEqual([DEMO_NOTICE_IDS.claimDeadline]);
    expect(await search('출퇴근 기록')).toEqual([DEMO_NOTICE_IDS.seoulInspection]);
    expect(await search('ㅈㄷㅈㄱ')).toEqual([DEMO_NOTICE_IDS.seoulInspection]);
    expect(await search('없는말')).toEqual([]);
  });
});

describe('notices: publishing and acknowledgement', () => {
  it('a branch publishes to its agencies only; hq publishes nationwide', async () => {
    const draft = {
      kind: 'notice',
      title: '서울지사 시험 공지',
      body: '확인해 주세요.',
      audience: 'branchAgencies',
      audienceBranchId: 'BR-SEOUL',
      pinned: false,
      requiresAck: true,
    };
    const created = await api('seoul_branch', 'POST', '/notices', draft);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      publisherOffice: 'BR-SEOUL',
      revision: 1,
      audienceLabel: '서울지사 관할 수행기관',
    });
    expect((await api('seoul_branch', 'POST', '/notices', { ...draft, audienceBranchId: 'BR-GYEONGGI' })).status).toBe(
      403,
    );
    const national = await api('seoul_branch', 'POST', '/notices', { ...draft, audience: 'agencies' });
    expect(national.status).toBe(400);
    expect(national.body.error.message).toContain('본부만');
    expect((await api('agency_hanbit', 'POST', '/notices', draft)).status).toBe(403);
    expect((await api('hq_admin', 'POST', '/notices', { ...draft, audience: 'agencies' })).status).toBe(201);
  });

  it('records each organisation’s acknowledgement and asks again after the text changes', async () => {
    const id = DEMO_NOTICE_IDS.seoulInspection;
    const before = await api('seoul_branch', 'GET', `/notices/${id}/acknowledgements`);
    expect(before.status).toBe(200);
    // 서울지사 has one agency (한빛): not yet read
    expect(before.body.organisations.map((o: Json) => [o.organisationId, o.state])).toEqual([['AG-HANBIT', 'pending']]);

    const detail = await api('agency_hanbit', 'GET', `/notices/${id}`);
    expect(detail.body).toMatchObject({ ackState: 'pending', canAcknowledge: true, editable: false });
    const acked = await api('agency_hanbit', 'POST', `/notices/${id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body.ackState).toBe('acknowledged');
    const read = await api('seoul_branch', 'GET', `/notices/${id}/acknowledgements`);
    expect(read.body.counts).toEqual({ acknowledged: 1, changed: 0, pending: 0 });
    expect(read.body.organisations[0]).toMatchObject({ state: 'acknowledged', userId: 'agency_hanbit', revision: 1 });

    // pinning does not ask again; a changed text does
    const edit = { title: detail.body.title, body: detail.body.body, pinned: true, requiresAck: true };
    const current = (await api('seoul_branch', 'GET', `/notices/${id}`)).body;
    const pinned = await api('seoul_branch', 'PUT', `/notices/${id}`, { ...edit, updatedAt: current.updatedAt });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ pinned: true, revision: 1 });
    // an edit on a stale read is refused
    expect((await api('seoul_branch', 'PUT', `/notices/${id}`, { ...edit, updatedAt: current.updatedAt })).status).toBe(
      409,
    );
    const changed = await api('seoul_branch', 'PUT', `/notices/${id}`, {
      ...edit,
      body: `${edit.body}\n일정이 하루 늦춰졌습니다.`,
      updatedAt: pinned.body.updatedAt,
    });
    expect(changed.body.revision).toBe(2);
    expect((await api('agency_hanbit', 'GET', `/notices/${id}`)).body.ackState).toBe('changed');
    expect((await api('seoul_branch', 'GET', `/notices/${id}/acknowledgements`)).body.counts).toEqual({
      acknowledged: 0,
      changed: 1,
      pending: 0,
    });
    // only the publishing office edits
    expect(
      (await api('hq_admin', 'PUT', `/notices/${id}`, { ...edit, updatedAt: changed.body.updatedAt })).status,
    ).toBe(403);
  });

  it('hq sees every agency’s answer to a national notice, including one that must read it again', async () => {
    const { body } = await api('hq_admin', 'GET', `/notices/${DEMO_NOTICE_IDS.claimDeadline}/acknowledgements`);
    const states = Object.fromEntries(body.organisations.map((o: Json) => [o.organisationId, o.state]));
    expect(states).toEqual({ 'AG-HANBIT': 'acknowledged', 'AG-NEULBOM': 'changed', 'AG-DAON': 'pending' });
    // a branch sees only its own agencies' answers
    const seoul = await api('seoul_branch', 'GET', `/notices/${DEMO_NOTICE_IDS.claimDeadline}/acknowledgements`);
    expect(seoul.body.organisations.map((o: Json) => o.organisationId)).toEqual(['AG-HANBIT']);
    // a notice that asks for no acknowledgement cannot be acknowledged
    expect((await api('agency_hanbit', 'POST', `/notices/${DEMO_NOTICE_IDS.applications}/acknowledge`)).status).toBe(
      400,
    );
  });
});

describe('staff board (담당자 업무 소통 공간)', () => {
  const threadIds = (body: Json): string[] => body.threads.map((t: { threadId: string }) => t.threadId);

  it('a branch’s threads are seen by that branch, its organisations and hq only', async () => {
    const hanbit = threadIds((await api('agency_hanbit', 'GET', '/board-threads')).body);
    expect(hanbit).toEqual(expect.arrayContaining([DEMO_THREAD_IDS.seoulAnswered, DEMO_THREAD_IDS.seoulOpen]));
    expect(hanbit).not.toContain(DEMO_THREAD_IDS.gyeonggiOpen);
    // the Seoul institution shares Seoul's space
    expect(threadIds((await api('trainer_kwedu', 'GET', '/board-threads')).body)).toContain(DEMO_THREAD_IDS.seoulOpen);
    const neulbom = threadIds((await api('agency_neulbom', 'GET', '/board-threads')).body);
    expect(neulbom).toEqual([DEMO_THREAD_IDS.gyeonggiOpen]);
    const refused = await api('agency_neulbom', 'GET', `/board-threads/${DEMO_THREAD_IDS.seoulOpen}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('다른 지사');
    expect(
      (await api('agency_neulbom', 'POST', `/board-threads/${DEMO_THREAD_IDS.seoulOpen}/posts`, { body: '끼어들기' }))
        .status,
    ).toBe(403);
    expect((await api('gyeonggi_branch', 'GET', '/board-threads?branchId=BR-SEOUL')).status).toBe(403);
    expect(threadIds((await api('hq_admin', 'GET', '/board-threads')).body)).toEqual(
      expect.arrayContaining(Object.values(DEMO_THREAD_IDS)),
    );
    const open = (await api('seoul_branch', 'GET', '/board-threads?status=open')).body.threads;
    expect(open.map((t: Json) => t.threadId)).toEqual([DEMO_THREAD_IDS.seoulOpen]);
  });

  it('an agency asks, the branch answers, the agency asks again: open → answered → open', async () => {
    const asked = await api('agency_hanbit', 'POST', '/board-threads', {
      title: '연차 촉진 통지 일정 문의',
      body: '연차 사용 촉진 1차 통지는 언제 보내야 하나요?',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      branchId: 'BR-SEOUL',
      organisationId: 'AG-HANBIT',
      status: 'open',
      askedBy: 'organisation',
    });
    const id = asked.body.threadId;
    const answered = await api('seoul_branch', 'POST', `/board-threads/${id}/posts`, {
      body: '사용기간이 끝나기 6개월 전부터 10일 안에 보내 주세요.',
    });
    expect(answered.body).toMatchObject({ status: 'answered', postCount: 2 });
    expect(answered.body.posts.map((p: Json) => [p.side, p.authorOffice])).toEqual([
      ['organisation', '한빛근로지원센터'],
      ['kead', '서울지사'],
    ]);
    const again = await api('agency_hanbit', 'POST', `/board-threads/${id}/posts`, { body: '2차 통지도 같은가요?' });
    expect(again.body.status).toBe('open');
    // hq may answer in any branch's space
    expect(
      (await api('hq_admin', 'POST', `/board-threads/${id}/posts`, { body: '2차는 2개월 전까지입니다.' })).body.status,
    ).toBe('answered');
  });

  it('a branch asks one of its own organisations, never another branch’s', async () => {
    const ok = await api('seoul_branch', 'POST', '/board-threads', {
      title: '지도점검 자료 요청',
      body: '지난달 출퇴근 기록을 올려 주세요.',
      organisationId: 'AG-HANBIT',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.askedBy).toBe('kead');
    expect(
      (
        await api('seoul_branch', 'POST', '/board-threads', {
          title: '자료 요청',
          body: '부탁합니다.',
          organisationId: 'AG-NEULBOM',
        })
      ).status,
    ).toBe(403);
    const missing = await api('seoul_branch', 'POST', '/board-threads', { title: '자료 요청', body: '부탁합니다.' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('관할 기관');
  });
});

describe('page-satisfaction report (F3)', () => {
  it('hq reads one page’s answers per month; the answers stay anonymous', async () => {
    const path = '/work-assistant/organisations';
    for (const rating of [5, 5, 4, 2])
      expect((await api(undefined, 'POST', '/public/page-feedback', { path, rating })).status).toBe(201);
    const { status, body } = await api(
      'hq_admin',
      'GET',
      `/page-feedback?path=${encodeURIComponent(path)}&from=${thisMonth()}&to=${thisMonth()}`,
    );
    expect(status).toBe(200);
    expect(body.months).toEqual([
      { month: thisMonth(), counts: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 2 }, total: 4, average: 4 },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/feedbackId|"at"/);
    expect(
      (
        await api(
          'seoul_branch',
          'GET',
          `/page-feedback?path=${encodeURIComponent(path)}&from=${thisMonth()}&to=${thisMonth()}`,
        )
      ).status,
    ).toBe(403);
    const reversed = await api(
      'hq_admin',
      'GET',
      `/page-feedback?path=${encodeURIComponent(path)}&from=2026-06&to=2026-05`,
    );
    expect(reversed.status).toBe(400);
  });
});
