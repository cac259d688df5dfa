import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koreanBoldFont } from '#functions/agencies/fonts';
import { sealPng } from '#functions/agencies/seal-image';
import * as clock from '#kernel/clock';
import { demoAgreementYear } from '#local/demo-agencies';
import { callApi, type Json } from '../support/api.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// A1–A3 end to end through the API on the local stack: 경기지사 registers and edits an organisation,
// 다온직업재활협회 (seeded without seal or agreement) gets a seal approved after one rejection, the branch
// issues the yearly agreement, the agency stamps it, both download the PDFs and read both parties'
// names in them, a reissue supersedes it; every step is in the audit trail and the outbox.

let stack: TestStack;
const tokens: Record<string, string> = {};
const year = demoAgreementYear();

const api = (as: string, method: string, path: string, body?: unknown) =>
  callApi(stack, tokens[as], method, path, body);

async function uploadSeal(as: string, bytes: Uint8Array): Promise<string> {
  const started = await api(as, 'POST', '/files/uploads', {
    purpose: 'seal',
    contentType: 'image/png',
    size: bytes.length,
    fileName: '다온 직인.png',
  });
  expect(started.status).toBe(201);
  const put = await fetch(started.body.url, {
    method: 'PUT',
    headers: started.body.headers,
    body: new Uint8Array(bytes),
  });
  expect(put.status).toBe(200);
  const done = await api(as, 'POST', `/files/uploads/${started.body.uploadId}/complete`);
  expect(done.body.status).toBe('ready');
  return started.body.uploadId;
}

async function download(
  as: string,
  agreementId: string,
  number: number,
): Promise<{ bytes: Uint8Array; sha256: string }> {
  const link = await api(as, 'GET', `/agreements/${agreementId}/documents/${number}`);
  expect(link.status).toBe(200);
  const res = await fetch(link.body.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain('attachment');
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

async function outbox(username: string): Promise<{ text: string; source: string }[]> {
  const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(username)}`);
  return ((await res.json()) as { items: { text: string; source: string }[] }).items;
}

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['hq_admin', 'seoul_branch', 'gyeonggi_branch', 'agency_daon', 'agency_hanbit']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const registration = {
  kind: 'agency',
  name: '푸른내일근로지원센터',
  branchId: 'BR-GYEONGGI',
  representative: '백하람',
  sidoCode: '41',
  sigunguCode: '41597',
  postalCode: '18450',
  address: '경기도 화성시 동탄대로 100',
  phone: '031-8000-0505',
  contacts: [{ name: '주예린', position: '팀장', phone: '010-0000-0505' }],
  bankName: '농협은행',
  bankAccount: '000-0000-0000-05',
  bankHolder: '푸른내일근로지원센터',
  designatedYears: [year],
};

describe('A1 registry', () => {
  let organisationId: string;

  it('refuses a registration field by field, in Korean', async () => {
    const res = await api('gyeonggi_branch', 'POST', '/organisations', {
      ...registration,
      sigunguCode: '11440',
      phone: '12',
      contacts: [],
    });
    expect(res.status).toBe(422);
    const fields = Object.fromEntries(res.body.error.fields.map((f: Json) => [f.field, f.message]));
    expect(fields['body.sigunguCode']).toContain('경기도에 속하지 않거나');
    expect(fields['body.phone']).toContain('지역번호부터');
    expect(fields['body.contacts']).toBe('담당자를 한 명 이상 입력해 주세요.');
  });

  it('registers within the branch only', async () => {
    const other = await api('seoul_branch', 'POST', '/organisations', registration);
    expect(other.status).toBe(403);
    const res = await api('gyeonggi_branch', 'POST', '/organisations', registration);
    expect(res.status).toBe(201);
    organisationId = res.body.organisationId;
    expect(organisationId).toMatch(/^AG-[0-9A-F]{8}$/);
    expect(res.body.sigunguName).toBe('화성시 동탄구');
    const list = await api('gyeonggi_branch', 'GET', '/organisations?kind=agency');
    const row = list.body.items.find((i: Json) => i.organisationId === organisationId);
    expect(row.representative).toBe('백*람');
    expect(row).not.toHaveProperty('contacts');
  });

  it('edits with the revision read; a stale revision is refused', async () => {
    const read = await api('gyeonggi_branch', 'GET', `/organisations/${organisationId}`);
    expect(read.body.revision).toBe(0);
    const edit = await api('gyeonggi_branch', 'PUT', `/organisations/${organisationId}`, {
      ...registration,
      fax: '031-8000-0506',
      revision: 0,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.revision).toBe(1);
    const stale = await api('gyeonggi_branch', 'PUT', `/organisations/${organisationId}`, {
      ...registration,
      revision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('다른 사람이 먼저');
    const foreign = await api('seoul_branch', 'PUT', `/organisations/${organisationId}`, {
      ...registration,
      revision: 1,
    });
    expect(foreign.status).toBe(403);
  });

  it('shows the organisation in the public directory without personal data', async () => {
    const res = await fetch(`${stack.apiUrl}/public/organisations?sido=41&sigungu=41597`);
    const text = await res.text();
    expect(text).toContain('푸른내일근로지원센터');
    for (const personal of ['백하람', '주예린', '010-0000-0505', '000-0000-0000-05'])
      expect(text).not.toContain(personal);
  });
});

describe('A2 seals and A3 agreements', () => {
  let agreementId: string;

  it('takes a seal request, a rejection with a reason, then an approval of the next version', async () => {
    const first = await uploadSeal('agency_daon', sealPng({ lines: ['다온', '직업재활'], font: koreanBoldFont() }));
    const requested = await api('agency_daon', 'POST', '/organisations/AG-DAON/seals', { uploadId: first });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ version: 1, status: 'requested', statusLabel: '승인 요청' });
    const again = await uploadSeal('agency_daon', sealPng({ lines: ['다온'], font: koreanBoldFont() }));
    const pending = await api('agency_daon', 'POST', '/organisations/AG-DAON/seals', { uploadId: again });
    expect(pending.status).toBe(409);
    expect(pending.body.error.code).toBe('SEAL_PENDING');

    const queue = await api('gyeonggi_branch', 'GET', '/seal-requests');
    expect(queue.body.items.map((s: Json) => `${s.organisationId}#${s.version}`)).toContain('AG-DAON#1');
    expect(
      await api('seoul_branch', 'POST', '/organisations/AG-DAON/seals/1/decision', { decision: 'approve' }),
    ).toMatchObject({ status: 403 });
    const noReason = await api('gyeonggi_branch', 'POST', '/organisations/AG-DAON/seals/1/decision', {
      decision: 'reject',
    });
    expect(noReason.status).toBe(422);
    const rejected = await api('gyeonggi_branch', 'POST', '/organisations/AG-DAON/seals/1/decision', {
      decision: 'reject',
      reason: '기관명이 모두 보이지 않습니다',
    });
    expect(rejected.body.status).toBe('rejected');
    expect((await outbox('agency_daon')).some((m) => m.text.includes('기관명이 모두 보이지 않습니다'))).toBe(true);

    // the agency cannot stamp yet: no approved seal
    const second = await uploadSeal(
      'agency_daon',
      sealPng({ lines: ['다온직업', '재활협회', '대표자인'], font: koreanBoldFont() }),
    );
    expect((await api('agency_daon', 'POST', '/organisations/AG-DAON/seals', { uploadId: second })).body.version).toBe(
      2,
    );
    const approved = await api('gyeonggi_branch', 'POST', '/organisations/AG-DAON/seals/2/decision', {
      decision: 'approve',
    });
    expect(approved.body.status).toBe('approved');
    const history = await api('agency_daon', 'GET', '/organisations/AG-DAON/seals');
    expect(history.body.items.map((s: Json) => [s.version, s.status])).toEqual([
      [2, 'approved'],
      [1, 'rejected'],
    ]);
    const image = await fetch(history.body.items[0].imageUrl);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('drafts the yearly agreement, hides the draft from the agency, and issues it with KEAD’s seal', async () => {
    const terms = {
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      budget: 72_000_000,
      assistantQuota: 7,
      workerQuota: 18,
      operatingCostRate: 10.49,
    };
    const invalid = await api('gyeonggi_branch', 'POST', '/agreements', {
      organisationId: 'AG-DAON',
      year,
      ...terms,
      periodEnd: `${year + 1}-01-31`,
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields[0]).toMatchObject({ field: 'body.periodEnd', label: '사업 종료일' });
    const draft = await api('gyeonggi_branch', 'POST', '/agreements', { organisationId: 'AG-DAON', year, ...terms });
    expect(draft.status).toBe(201);
    agreementId = draft.body.agreementId;
    expect(agreementId).toBe(`${year}-AG-DAON-1`);
    expect(draft.body.actions).toEqual(['edit', 'issue', 'discard']);
    expect((await api('agency_daon', 'GET', `/agreements/${agreementId}`)).status).toBe(404);
    expect((await api('agency_hanbit', 'GET', `/agreements/${agreementId}`)).status).toBe(403);
    const duplicate = await api('gyeonggi_branch', 'POST', '/agreements', {
      organisationId: 'AG-DAON',
      year,
      ...terms,
    });
    expect(duplicate.body.error.code).toBe('AGREEMENT_EXISTS');

    const issued = await api('gyeonggi_branch', 'POST', `/agreements/${agreementId}/issue`, { version: 1 });
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('issued');
    expect(issued.body.documents).toHaveLength(1);
    const replay = await api('gyeonggi_branch', 'POST', `/agreements/${agreementId}/issue`, { version: 1 });
    expect(replay.status).toBe(409);
    expect((await outbox('agency_daon')).some((m) => m.source === 'agreement-issued')).toBe(true);
  });

  it('lets the agency stamp; both sides download PDFs whose hash is on record and which name both parties', async () => {
    const view = await api('agency_daon', 'GET', `/agreements/${agreementId}`);
    expect(view.body.actions).toEqual(['return', 'stamp']);
    const stamped = await api('agency_daon', 'POST', `/agreements/${agreementId}/stamp`, {
      version: view.body.version,
    });
    expect(stamped.status).toBe(200);
    expect(stamped.body.status).toBe('complete');
    expect(stamped.body.agencySealVersion).toBe(2);
    const [issuedDoc, completeDoc] = stamped.body.documents;
    expect(completeDoc.stage).toBe('complete');

    for (const side of ['gyeonggi_branch', 'agency_daon']) {
      const complete = await download(side, agreementId, 2);
      expect(complete.sha256).toBe(completeDoc.sha256);
      const text = await pdfText(complete.bytes);
      expect(text).toContain('한국장애인고용공단');
      expect(text).toContain('경기지사');
      expect(text).toContain('다온직업재활협회');
      expect(text).toContain('대표 임하준');
      expect(text).toContain(`날인한 발급본의 SHA-256: ${issuedDoc.sha256}`);
    }
    expect((await download('agency_daon', agreementId, 1)).sha256).toBe(issuedDoc.sha256);
    expect((await api('agency_hanbit', 'GET', `/agreements/${agreementId}/documents/2`)).status).toBe(403);
    expect((await outbox('gyeonggi_branch')).some((m) => m.source === 'agreement-stamped')).toBe(true);
  });

  it('never changes a complete agreement; a reissue supersedes it and both documents say so', async () => {
    const current = (await api('gyeonggi_branch', 'GET', `/agreements/${agreementId}`)).body;
    const edit = await api('gyeonggi_branch', 'PUT', `/agreements/${agreementId}`, {
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      budget: 1,
      assistantQuota: 1,
      workerQuota: 1,
      operatingCostRate: 1,
      version: current.version,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('체결이 끝난 약정서는 바꿀 수 없습니다');
    const restamp = await api('agency_daon', 'POST', `/agreements/${agreementId}/stamp`, { version: current.version });
    expect(restamp.status).toBe(409);

    const reissue = await api('gyeonggi_branch', 'POST', `/agreements/${agreementId}/reissue`, {
      version: current.version,
    });
    expect(reissue.status).toBe(201);
    const replacement = reissue.body;
    expect(replacement.agreementId).toBe(`${year}-AG-DAON-2`);
    expect(replacement.supersedes).toBe(agreementId);
    const edited = await api('gyeonggi_branch', 'PUT', `/agreements/${replacement.agreementId}`, {
      periodStart: replacement.periodStart,
      periodEnd: replacement.periodEnd,
      budget: 80_000_000,
      assistantQuota: 8,
      workerQuota: 18,
      operatingCostRate: 10.49,
      version: replacement.version,
    });
    expect(edited.status).toBe(200);
    const issued = await api('gyeonggi_branch', 'POST', `/agreements/${replacement.agreementId}/issue`, {
      version: edited.body.version,
    });
    expect(issued.body.status).toBe('issued');
    expect(await pdfText((await download('agency_daon', replacement.agreementId, 1)).bytes)).toContain(
      `약정 번호 ${agreementId} 약정서를 대체합니다`,
    );

    const old = (await api('agency_daon', 'GET', `/agreements/${agreementId}`)).body;
    expect(old.status).toBe('superseded');
    expect(old.supersededBy).toBe(replacement.agreementId);
    expect(old.documents.map((d: Json) => d.stage)).toEqual(['issued', 'complete', 'supersession']);
    // the complete copy is exactly what was stamped
    expect(old.documents[1].sha256).toBe(current.documents[1].sha256);
    expect((await download('agency_daon', agreementId, 2)).sha256).toBe(current.documents[1].sha256);
    expect(await pdfText((await download('agency_daon', agreementId, 3)).bytes)).toContain(
      `재발급된 약정서(약정 번호 ${replacement.agreementId})로 대체되었습니다`,
    );
  });

  it('records every step in the audit trail', async () => {
    const today = clock.today();
    const res = await api('hq_admin', 'GET', `/audit?from=${today}&to=${today}`);
    const actions = res.body.items
      .filter((i: Json) => i.targetId.startsWith(`${year}-AG-DAON`) || i.targetId.startsWith('AG-DAON#'))
      .map((i: Json) => i.action);
    for (const action of [
      'seal.request',
      'seal.reject',
      'seal.approve',
      'agreement.create',
      'agreement.issue',
      'agreement.stamp',
      'agreement.download',
      'agreement.reissue',
      'agreement.edit',
    ]) {
      expect(actions, action).toContain(action);
    }
  });
});
