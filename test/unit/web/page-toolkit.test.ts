import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decisionForm, readDecision } from '../../../web/src/components/decision-form.ts';
import { facts } from '../../../web/src/components/facts.ts';
import { dateTime, day } from '../../../web/src/core/dates.ts';
import { html } from '../../../web/src/core/html.ts';
import { showOutcome } from '../../../web/src/core/outcome.ts';
import { loadInto, loadSection, onAction, onFilter } from '../../../web/src/core/page.ts';
import { oneAtATime, onSubmit, problemTarget, refused } from '../../../web/src/core/submit.ts';
import { presignedUpload, UPLOAD_TEXTS, uploadFile, uploadMessage } from '../../../web/src/core/upload.ts';

// The page toolkit against a small stand-in for the DOM (the unit tier has none): an element is its
// innerHTML, its attributes and its listeners; what it finds by selector is what its markup holds.

class FakeElement {
  innerHTML = '';
  id = '';
  dataset: Record<string, string> = {};
  focused = 0;
  readonly attributes = new Map<string, string>();
  readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  readonly children = new Map<string, FakeElement>();
  constructor(readonly parent?: FakeElement) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  focus() {
    this.focused += 1;
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, event: Record<string, unknown>) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  /** `#id` finds a registered child; a class finds a focusable child while the markup holds it. */
  querySelector(selector: string) {
    if (selector.startsWith('#')) return this.children.get(selector.slice(1)) ?? null;
    if (selector.startsWith('.') && this.innerHTML.includes(`class="${selector.slice(1)}`)) {
      const found = this.children.get(selector) ?? new FakeElement(this);
      this.children.set(selector, found);
      return found;
    }
    if (selector.startsWith('.') && this.innerHTML.includes(selector.slice(1))) {
      const found = this.children.get(selector) ?? new FakeElement(this);
      this.children.set(selector, found);
      return found;
    }
    return null;
  }
  querySelectorAll() {
    return [];
  }
  /** The element itself when its data-action matches (buttons of the tests have no children). */
  closest(selector: string) {
    const action = /data-action="([^"]+)"/.exec(selector)?.[1];
    return action && this.dataset.action === action ? this : null;
  }
}

const el = () => new FakeElement() as FakeElement & HTMLElement;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('CSS', { escape: (s: string) => s });
});
afterEach(() => vi.unstubAllGlobals());

const ctx = () => ({ signal: new AbortController().signal });
const OPTIONS = {
  path: '/things',
  loading: '불러오는 중입니다…',
  failure: '목록을 불러오지 못했습니다',
  retry: 'retry-things',
};

describe('loadSection / loadInto: spinner, failure with retry, data', () => {
  it('shows the spinner and aria-busy while waiting, then resolves to the data', async () => {
    let answer: (r: Response) => void = () => {};
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    const box = el();
    const loading = loadSection<{ n: number }>(ctx(), box, { ...OPTIONS, query: { year: 2026, empty: '' } });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(box.innerHTML).toContain('role="status"');
    expect(box.innerHTML).toContain('불러오는 중입니다…');
    expect(box.getAttribute('aria-busy')).toBe('true');
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/things?year=2026');
    answer(json(200, { n: 3 }));
    expect(await loading).toEqual({ n: 3 });
    expect(box.getAttribute('aria-busy')).toBeNull();
  });

  it('a refusal draws the failure notice with its 다시 시도 action, tells `failed`, and resolves to undefined', async () => {
    fetchMock.mockResolvedValue(json(500, { error: { code: 'X', message: '서버 오류입니다.' } }));
    const box = el();
    const failed = vi.fn();
    expect(await loadSection(ctx(), box, { ...OPTIONS, failed })).toBeUndefined();
    expect(box.innerHTML).toContain('role="alert"');
    expect(box.innerHTML).toContain('목록을 불러오지 못했습니다');
    expect(box.innerHTML).toContain('서버 오류입니다.');
    expect(box.innerHTML).toContain('data-action="retry-things"');
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ status: 500, message: '서버 오류입니다.' }));
    expect(box.getAttribute('aria-busy')).toBeNull();
  });

  it('leaving the page (abort) resolves to undefined without a failure notice', async () => {
    const controller = new AbortController();
    fetchMock.mockImplementation(
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    const box = el();
    const loading = loadSection({ signal: controller.signal }, box, OPTIONS);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    controller.abort();
    expect(await loading).toBeUndefined();
    expect(box.innerHTML).not.toContain('role="alert"');
  });

  it('loadInto draws what render makes of the data', async () => {
    fetchMock.mockResolvedValue(json(200, { items: ['가', '나'] }));
    const box = el();
    const data = await loadInto<{ items: string[] }>(ctx(), box, {
      ...OPTIONS,
      render: (d) => html`<ul>${d.items.map((i) => html`<li>${i}</li>`)}</ul>`,
    });
    expect(data?.items).toHaveLength(2);
    expect(box.innerHTML).toBe('<ul><li>가</li><li>나</li></ul>');
  });

  it('onAction runs on a click of its data-action only, with no argument', () => {
    const root = el();
    const run = vi.fn();
    onAction(root, 'retry-things', run);
    const other = new FakeElement();
    other.dataset.action = 'retry-other';
    root.dispatch('click', { target: other });
    expect(run).not.toHaveBeenCalled();
    const retry = new FakeElement();
    retry.dataset.action = 'retry-things';
    root.dispatch('click', { target: retry });
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith();
  });
});

describe('onFilter: the search form puts its choices in the URL', () => {
  it('keeps the non-empty choices of the names it is given; dropEmptyQuery leaves a bare path', () => {
    vi.stubGlobal(
      'FormData',
      class {
        constructor(private readonly values: Record<string, string>) {}
        get(name: string) {
          return this.values[name] ?? null;
        }
      },
    );
    const went: string[] = [];
    const ctxNav = { navigate: (to: string) => went.push(to) };
    const form = el();
    onFilter(ctxNav, form, '/internal/seals', ['branchId', 'status']);
    const submit = (values: Record<string, string>) => {
      const event = { target: values, preventDefault: vi.fn() };
      form.dispatch('submit', event);
      expect(event.preventDefault).toHaveBeenCalled();
    };
    submit({ branchId: '', status: 'approved', other: 'x' });
    submit({});
    const bare = el();
    onFilter(ctxNav, bare, '/internal/agreements', ['year'], { dropEmptyQuery: true });
    bare.dispatch('submit', { target: {}, preventDefault: () => {} });
    bare.dispatch('submit', { target: { year: '2027' }, preventDefault: () => {} });
    expect(went).toEqual([
      '/internal/seals?status=approved',
      '/internal/seals?',
      '/internal/agreements',
      '/internal/agreements?year=2027',
    ]);
  });
});

describe('submit: one at a time, error summary', () => {
  const submitEvent = (target: unknown) => ({ target, submitter: null, preventDefault: vi.fn() });

  it('a second submit while the first runs is dropped; the default is always prevented', async () => {
    let finish: () => void = () => {};
    const handler = vi
      .fn(() => Promise.resolve())
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
    const guarded = oneAtATime(handler);
    const form = new FakeElement();
    const first = submitEvent(form);
    const second = submitEvent(form);
    const running = guarded(first as unknown as Event);
    await guarded(second as unknown as Event);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(second.preventDefault).toHaveBeenCalled();
    finish();
    await running;
    await guarded(submitEvent(form) as unknown as Event);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('a handler that throws frees the form for the next submit', async () => {
    const handler = vi.fn().mockRejectedValueOnce(new Error('x')).mockResolvedValue(undefined);
    const guarded = oneAtATime(handler);
    await expect(guarded(submitEvent(new FakeElement()) as unknown as Event)).rejects.toThrow('x');
    await guarded(submitEvent(new FakeElement()) as unknown as Event);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('onSubmit with `only` leaves other forms alone (their default not prevented)', async () => {
    const root = el();
    const handler = vi.fn(async () => {});
    onSubmit(root, handler, { only: 'kead-seal' });
    const filter = Object.assign(new FakeElement(), { id: 'seal-filter' });
    const filterEvent = submitEvent(filter);
    root.dispatch('submit', filterEvent);
    expect(filterEvent.preventDefault).not.toHaveBeenCalled();
    const seal = Object.assign(new FakeElement(), { id: 'kead-seal' });
    const sealEvent = submitEvent(seal);
    root.dispatch('submit', sealEvent);
    await vi.waitFor(() => expect(handler).toHaveBeenCalledWith(seal, null));
    expect(sealEvent.preventDefault).toHaveBeenCalled();
  });

  it('refused: the server problems go to the summary with 오류 in the title; accepted clears it', () => {
    const main = el();
    const summary = new FakeElement();
    main.children.set('form-errors', summary);
    const titles: boolean[] = [];
    const target = problemTarget(
      { setTitle: (_page: string, options?: { error?: boolean }) => titles.push(Boolean(options?.error)) },
      main,
      'form-errors',
      { name: 'f-name' },
      '제목',
    );
    const problem = {
      status: 400,
      retryable: false,
      code: 'BAD_REQUEST',
      message: '입력한 내용을 확인해 주세요.',
      fields: [{ field: 'body.name', label: '이름', message: '이름을 입력해 주세요.' }],
    };
    expect(refused(target, { ok: false, problem })).toBe(true);
    expect(summary.innerHTML).toContain('href="#f-name"');
    expect(summary.innerHTML).toContain('이름을 입력해 주세요.');
    expect(titles).toEqual([true]);
    expect(refused(target, { ok: true, data: {} })).toBe(false);
    expect(summary.innerHTML).toBe('');
    expect(titles).toEqual([true, false]);
  });
});

describe('presigned upload', () => {
  const file = new File(['%PDF-1.7'], '증빙.pdf', { type: 'application/pdf' });
  const ticket = { uploadId: 'u-1', url: 'https://s3.local/put', method: 'PUT', headers: { 'x-amz-meta': '1' } };

  it('starts, PUTs the bytes to the URL, then completes; resolves to the ticket', async () => {
    fetchMock
      .mockResolvedValueOnce(json(201, ticket))
      .mockResolvedValueOnce(new Response(null, { status: 200 }))
      .mockResolvedValueOnce(json(200, { status: 'ready' }));
    const outcome = await uploadFile(file, new AbortController().signal, {
      purpose: 'evidence',
      contentType: 'application/pdf',
    });
    expect(outcome).toEqual({ ok: true, ticket });
    const [start, put, complete] = fetchMock.mock.calls;
    expect(start?.[0]).toBe('/api/files/uploads');
    expect(JSON.parse(String(start?.[1].body))).toEqual({
      purpose: 'evidence',
      contentType: 'application/pdf',
      size: file.size,
      fileName: '증빙.pdf',
    });
    expect(put?.[0]).toBe('https://s3.local/put');
    expect(put?.[1]).toMatchObject({ method: 'PUT', headers: { 'x-amz-meta': '1' }, body: file });
    expect(complete?.[0]).toBe('/api/files/uploads/u-1/complete');
  });

  it('says which step failed, in the page words for the PUT', async () => {
    const signal = new AbortController().signal;
    const start = { path: '/auth/uploads', body: {} };
    fetchMock.mockResolvedValueOnce(
      json(400, {
        error: { code: 'BAD', message: '확인해 주세요.', fields: [{ field: 'body.size', message: '너무 큽니다.' }] },
      }),
    );
    const refusedStart = await presignedUpload({ start, file, signal, complete: false });
    expect(refusedStart).toMatchObject({ ok: false, stage: 'start' });
    if (refusedStart.ok) throw new Error('unreachable');
    expect(uploadMessage(refusedStart, UPLOAD_TEXTS)).toBe('확인해 주세요.');
    expect(uploadMessage(refusedStart, { ...UPLOAD_TEXTS, fieldFirst: true })).toBe('너무 큽니다.');

    fetchMock.mockResolvedValueOnce(json(201, ticket)).mockResolvedValueOnce(new Response(null, { status: 403 }));
    const refusedPut = await presignedUpload({ start, file, signal, complete: false });
    expect(refusedPut).toEqual({ ok: false, stage: 'put', reason: 'refused' });
    if (refusedPut.ok) throw new Error('unreachable');
    expect(uploadMessage(refusedPut, UPLOAD_TEXTS)).toBe(UPLOAD_TEXTS.refused);

    fetchMock.mockResolvedValueOnce(json(201, ticket)).mockRejectedValueOnce(new TypeError('offline'));
    const offline = await presignedUpload({ start, file, signal, complete: false });
    expect(offline).toEqual({ ok: false, stage: 'put', reason: 'network' });
    if (offline.ok) throw new Error('unreachable');
    expect(uploadMessage(offline, UPLOAD_TEXTS)).toBe(UPLOAD_TEXTS.network);
    expect(uploadMessage(offline, { refused: '다시 골라 주세요.' })).toBe('다시 골라 주세요.');

    fetchMock
      .mockResolvedValueOnce(json(201, ticket))
      .mockResolvedValueOnce(new Response(null, { status: 200 }))
      .mockResolvedValueOnce(json(422, { error: { code: 'TYPE', message: 'PDF가 아닙니다.' } }));
    const complete = vi.fn((t: typeof ticket) => ({ path: `/auth/uploads/${t.uploadId}/complete`, body: { s: 1 } }));
    const refusedCheck = await presignedUpload({ start, file, signal, complete });
    expect(refusedCheck).toMatchObject({ ok: false, stage: 'complete', problem: { message: 'PDF가 아닙니다.' } });
    expect(complete).toHaveBeenCalledWith(ticket);
    expect(JSON.parse(String(fetchMock.mock.calls.at(-1)?.[1].body))).toEqual({ s: 1 });
  });

  it('leaving the page during the PUT rejects with the abort, as a fetch does', async () => {
    const controller = new AbortController();
    fetchMock.mockResolvedValueOnce(json(201, ticket)).mockImplementationOnce(async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(
      presignedUpload({ start: { path: '/x', body: {} }, file, signal: controller.signal, complete: false }),
    ).rejects.toThrow('aborted');
  });
});

describe('outcome, decision form, facts and dates', () => {
  it('showOutcome draws a focusable status notice and moves focus to it', () => {
    const box = el();
    showOutcome(box, '승인했습니다.', html`<p><a href="/list">목록으로 돌아가기</a></p>`);
    expect(box.innerHTML).toBe(
      '<div class="app-notice app-notice-success" role="status" tabindex="-1"><p class="app-notice-title">승인했습니다.</p><p><a href="/list">목록으로 돌아가기</a></p></div>',
    );
    expect((box.querySelector('.app-notice') as unknown as FakeElement).focused).toBe(1);
  });

  it('decisionForm: the radio pair, the reason with its hint, the actions; readDecision asks for what is missing', () => {
    const markup = decisionForm({
      id: 'seal-decision-form',
      fieldIds: { decision: 'seal-decision', reason: 'seal-decision-reason' },
      accept: { value: 'approve', label: '승인', description: '날인할 수 있습니다.' },
      refuse: { value: 'reject', label: '반려', description: '사유를 알립니다.' },
      reason: { label: '반려 사유', hint: '꼭 적어 주세요.' },
      actions: html`<button type="submit">처리 결과 저장</button>`,
    }).value;
    expect(markup).toContain('<form id="seal-decision-form" class="app-form" novalidate>');
    expect(markup).toMatch(/name="decision"[^>]*value="approve"|value="approve"[^>]*name="decision"/);
    expect(markup).toContain('처리 결과');
    expect(markup).toContain('id="seal-decision-reason"');
    expect(markup).toContain('maxlength="500"');
    expect(markup).toContain('꼭 적어 주세요.');
    expect(markup).toContain('<div class="app-form-actions"><button type="submit">처리 결과 저장</button></div>');

    const formWith = (values: Record<string, string>) => values as unknown as HTMLFormElement;
    vi.stubGlobal(
      'FormData',
      class {
        constructor(private readonly values: Record<string, string>) {}
        get(name: string) {
          return this.values[name] ?? null;
        }
      },
    );
    const texts = { refuse: 'reject', choose: '골라 주세요.', reasonMissing: '사유를 적어 주세요.', minReason: 2 };
    expect(readDecision(formWith({}), texts).problems).toEqual([{ field: 'decision', message: '골라 주세요.' }]);
    expect(readDecision(formWith({ decision: 'reject', reason: ' 가 ' }), texts).problems).toEqual([
      { field: 'reason', message: '사유를 적어 주세요.' },
    ]);
    expect(readDecision(formWith({ decision: 'reject', reason: ' 서명 흐림 ' }), texts)).toEqual({
      decision: 'reject',
      reason: '서명 흐림',
      problems: [],
    });
    expect(readDecision(formWith({ decision: 'approve' }), texts).problems).toEqual([]);
  });

  it('facts: a missing value reads -, markup is escaped', () => {
    expect(
      facts([
        ['기관', '<b>'],
        ['처리 일시', undefined],
      ]).value,
    ).toBe(
      '<dl class="app-facts"><div><dt>기관</dt><dd>&lt;b&gt;</dd></div><div><dt>처리 일시</dt><dd>-</dd></div></dl>',
    );
  });

  it('day and dateTime read the instant in Korea time (as the nine-hour offset did)', () => {
    for (const iso of [
      '2026-11-20T15:00:00.000Z',
      '2026-11-20T14:59:59Z',
      '2026-12-31T23:30:00Z',
      '2027-02-28T15:05:00Z',
    ]) {
      const shifted = new Date(Date.parse(iso) + 9 * 3600_000).toISOString();
      expect(day(iso)).toBe(shifted.slice(0, 10));
      expect(dateTime(iso)).toBe(`${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`);
    }
    expect(day(undefined)).toBe('-');
    expect(dateTime(undefined)).toBe('-');
  });
});
