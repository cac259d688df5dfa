import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ButtonVariant, button, buttonLink } from '../../web/src/components/button.ts';
import { errorSummary } from '../../web/src/components/error-summary.ts';
import {
  checkboxField,
  fileField,
  radioGroup,
  selectField,
  textareaField,
  textField,
} from '../../web/src/components/form-field.ts';
import { inboxLink } from '../../web/src/components/inbox-badge.ts';
import { pagination } from '../../web/src/components/pagination.ts';
import { sessionBar } from '../../web/src/components/session-bar.ts';
import { dataTable } from '../../web/src/components/table.ts';
import { html, type SafeHtml } from '../../web/src/core/html.ts';
import { settleAnimations } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// WCAG 2.2 contrast in every state, not only the one axe happens to see: on a real page of the app
// (the portal's 지원기관 screen: header, main menu, side navigation, breadcrumb, search form, table,
// satisfaction, quick menu, footer) with a gallery of every button, link and form-control variant the
// app renders added in each surrounding the app puts them in, each state is forced through the
// Chrome DevTools Protocol (hover, keyboard focus, focus after a click, pressed) or set by attribute
// (disabled, checked, current, error), transitions are let finish, and the colours are read back:
// text 4.5:1 against what is behind it (3:1 when large), focus indicators and control boundaries 3:1
// against what is next to them. Disabled controls are held to the text ratio too, although WCAG
// exempts them: their labels still have to be read. (:visited is not forced: no KRDS or app rule
// styles a visited link the app renders, and the browser hides visited colours from scripts anyway.)

const suite = browserSuite();

const PAGE = '/work-assistant/organisations';

/** Pseudo-classes forced on an element in a state, and on its ancestors (hovering a child hovers its parents). */
interface State {
  name: string;
  self: string[];
  ancestors: string[];
  /** disabled controls take no focus and cannot be pressed: only these states apply to them */
  disabledToo: boolean;
}

const STATES: readonly State[] = [
  { name: 'default', self: [], ancestors: [], disabledToo: true },
  { name: 'hover', self: ['hover'], ancestors: ['hover'], disabledToo: true },
  { name: 'keyboard focus', self: ['focus', 'focus-visible'], ancestors: ['focus-within'], disabledToo: false },
  {
    name: 'focus after a click, hovered',
    self: ['hover', 'focus'],
    ancestors: ['hover', 'focus-within'],
    disabledToo: false,
  },
  {
    name: 'pressed',
    self: ['hover', 'active', 'focus'],
    ancestors: ['hover', 'active', 'focus-within'],
    disabledToo: false,
  },
];

const VARIANTS: readonly ButtonVariant[] = ['primary', 'secondary', 'tertiary', 'text'];

/**
 * Every control variant the app renders, built by the app's own components (ids made unique by `p`);
 * the disabled buttons as the app disables them at run time (the satisfaction widget's, while it sends).
 */
function variants(p: string): SafeHtml {
  const options = [
    { value: '', label: '전체' },
    { value: '11', label: '서울특별시' },
  ];
  return html`<div class="app-form-actions">
    ${VARIANTS.map((variant) => button({ label: `${variant} 버튼`, variant }))}
    ${VARIANTS.map((variant) => buttonLink({ label: `${variant} 링크`, href: '#contrast-gallery', variant }))}
    ${VARIANTS.map((variant) => html`<button type="button" class="krds-btn ${variant} medium" disabled>${variant} 사용 불가</button>`)}
    <button type="button" class="krds-btn medium">기본 버튼</button>
    <button type="button" class="krds-btn medium icon"><span class="sr-only">닫기</span><i class="svg-icon ico-popup-close" aria-hidden="true"></i></button>
  </div>
  <p><a href="#contrast-gallery">본문 링크</a> <a class="app-nowrap" href="#contrast-gallery">02-3150-0101</a></p>
  <form class="app-form" novalidate>
    ${textField({ id: `${p}-text`, name: 'text', label: '입력', value: '한빛' })}
    ${textField({ id: `${p}-text-error`, name: 'text', label: '입력(오류)', value: '', error: '입력해 주세요' })}
    ${selectField({ id: `${p}-select`, name: 'select', label: '선택', options, value: '11' })}
    ${selectField({ id: `${p}-select-empty`, name: 'select', label: '선택(고르기 전)', options, value: '' })}
    ${selectField({ id: `${p}-select-error`, name: 'select', label: '선택(오류)', options, value: '', error: '골라 주세요' })}
    ${selectField({ id: `${p}-select-disabled`, name: 'select', label: '선택(사용 불가)', options, value: '', disabled: true })}
    ${textareaField({ id: `${p}-textarea`, name: 'reason', label: '소명 사유', value: '출퇴근 앱 장애', maxLength: 500 })}
    ${checkboxField({ id: `${p}-check`, name: 'check', label: '동의합니다', checked: false })}
    ${checkboxField({ id: `${p}-check-on`, name: 'check-on', label: '동의함', checked: true })}
    ${checkboxField({ id: `${p}-check-error`, name: 'check-error', label: '동의(오류)', checked: false, error: '동의해 주세요' })}
    ${radioGroup({
      id: `${p}-radio`,
      name: `${p}-radio`,
      label: '구분',
      value: 'a',
      inline: true,
      options: [
        { value: 'a', label: '수행기관' },
        { value: 'b', label: '교육기관' },
      ],
    })}
    ${fileField({ id: `${p}-file`, name: 'file', label: '파일', accept: '.csv' })}
    <details class="app-justify"><summary>소명하기</summary><p>열린 내용</p></details>
  </form>`;
}

/** The surroundings the app puts controls in, each with the full set of variants. */
function gallery(): string {
  const contexts: [name: string, wrap: (inner: SafeHtml) => SafeHtml][] = [
    ['page', (inner) => html`<div>${inner}</div>`],
    ['search form', (inner) => html`<div class="app-search-form">${inner}</div>`],
    ['info notice', (inner) => html`<div class="app-notice app-notice-info">${inner}</div>`],
    ['danger notice', (inner) => html`<div class="app-notice app-notice-danger">${inner}</div>`],
    ['success notice', (inner) => html`<div class="app-notice app-notice-success">${inner}</div>`],
    ['consent box', (inner) => html`<div class="app-consent-all">${inner}</div>`],
    ['satisfaction box', (inner) => html`<div class="app-satisfaction">${inner}</div>`],
    ['quick menu', (inner) => html`<div class="app-quick-menu">${inner}</div>`],
    ['menu card', (inner) => html`<div class="app-menu-card">${inner}</div>`],
    ['session bar', (inner) => html`<div class="app-session"><div class="inner">${inner}</div></div>`],
    [
      'table cell',
      (inner) =>
        dataTable({
          caption: '표',
          columns: [
            { header: '행 제목', rowHeader: true, cell: () => html`<a href="#contrast-gallery">행 제목 링크</a>` },
            { header: '내용', cell: () => inner },
          ],
          rows: [1],
        }),
    ],
  ];
  const sections = contexts.map(
    ([name, wrap], i) =>
      html`<section data-contrast-context="${name}"><h2 class="app-section-title">${name}</h2>${wrap(variants(`cg${i}`))}</section>`,
  );
  return html`<div id="contrast-gallery" class="app-section">
  <section data-contrast-context="session bar (component)">${sessionBar({ name: '김한빛', roleText: '수행기관', remaining: '59:59' })}</section>
  <section data-contrast-context="inbox badge (unread)"><div class="app-session">${inboxLink('#contrast-gallery', 3)}</div></section>
  <section data-contrast-context="error summary">${errorSummary({ items: [{ fieldId: 'cg0-text', message: '입력해 주세요' }] })}</section>
  <section data-contrast-context="pagination (middle page)">${pagination({ current: 4, total: 9, hrefFor: (n) => `#page-${n}` })}</section>
  <section data-contrast-context="pagination (first page)">${pagination({ current: 1, total: 3, hrefFor: (n) => `#page-${n}` })}</section>
  <section data-contrast-context="home cards"><ul class="app-card-list">
    <li class="app-card"><a class="app-card-link" href="#contrast-gallery"><span class="app-card-title">근로지원인 서비스 신청</span><span class="app-card-text">서비스를 신청합니다.</span></a></li>
    <li class="app-card app-menu-card"><h3 class="app-card-title">출퇴근 관리</h3><ul class="app-menu-card-links"><li><a href="#contrast-gallery">근무 이력 비교</a></li></ul></li>
  </ul><ul class="app-link-list"><li><a href="#contrast-gallery">아이디 찾기</a></li></ul></section>
  <section data-contrast-context="scrolling table"><div class="app-leave-scroll" tabindex="0" role="region" aria-label="넓은 표">표</div></section>
  ${sections}
</div>`.value;
}

/** One contrast shortfall: what, in which state, which colours, the ratio found and the one needed. */
interface Failure {
  target: string;
  state: string;
  check: string;
  foreground: string;
  background: string;
  ratio: number;
  needed: number;
}

interface Measured {
  failures: Failure[];
  /** checks made per kind, to show the test looked at something */
  counts: Record<string, number>;
  /** targets that yielded no check at all (nothing measurable: a sign the test is blind to them) */
  unmeasured: string[];
}

/**
 * Marks the controls to check (focusable or disabled, visible) with data-contrast-target and their
 * ancestors with data-contrast-ancestor; returns which targets are disabled, in document order.
 */
function markTargets(root: string): boolean[] {
  for (const el of document.querySelectorAll('[data-contrast-target], [data-contrast-ancestor]')) {
    el.removeAttribute('data-contrast-target');
    el.removeAttribute('data-contrast-ancestor');
    el.removeAttribute('data-contrast-border');
  }
  const selector = [
    'a[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[tabindex]:not([tabindex="-1"])',
    '[aria-disabled="true"]',
  ].join(',');
  const shown = (el: Element): boolean => {
    // a visually hidden checkbox or radio is shown through its label
    const seen = el.matches('input[type="checkbox"], input[type="radio"]')
      ? (el.parentElement?.querySelector(`label[for="${CSS.escape(el.id)}"]`) ?? el)
      : el;
    return seen.getClientRects().length > 0 && getComputedStyle(seen).visibility === 'visible';
  };
  const targets = [...document.querySelectorAll(root)].flatMap((r) => [...r.querySelectorAll(selector)]).filter(shown);
  const disabled: boolean[] = [];
  for (const el of targets) {
    el.setAttribute('data-contrast-target', '');
    disabled.push(el.matches(':disabled, [aria-disabled="true"], .disabled'));
    for (let a = el.parentElement; a; a = a.parentElement) a.setAttribute('data-contrast-ancestor', '');
  }
  return disabled;
}

/** Reads the colours of every marked target as it is now; runs in the page. */
function measure({ name: state, disabledToo }: { name: string; disabledToo: boolean }): Measured {
  type Rgba = [number, number, number, number];
  const failures: Failure[] = [];
  const counts: Record<string, number> = {};
  const unmeasured: string[] = [];
  const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

  const parse = (css: string): Rgba => {
    const m = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = css;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const hex = (c: Rgba): string =>
    `#${c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('')}`;
  const luminance = (c: Rgba): number => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return Math.floor(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
  };
  const opacityOf = (el: Element): number => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  /**
   * What is painted behind `el`'s content: its own and its ancestors' backgrounds, each faded by the
   * opacity of its element and that element's ancestors, blended down to an opaque one (white at the end).
   */
  const backgroundOf = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      c[3] *= opacityOf(e);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let result: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const visible = (el: Element, within: Element): boolean => {
    for (let e: Element | null = el; e && e !== within.parentElement; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      if (r.width <= 1 || r.height <= 1 || s.visibility !== 'visible' || s.display === 'none') return false;
    }
    return true;
  };
  const check = (f: Omit<Failure, 'ratio' | 'foreground' | 'background'>, fg: Rgba, bg: Rgba): void => {
    counts[f.check] = (counts[f.check] ?? 0) + 1;
    const r = ratio(fg, bg);
    if (r < f.needed) failures.push({ ...f, foreground: hex(fg), background: hex(bg), ratio: r });
  };
  const noFocusIndicator = (target: string): void => {
    counts['focus indicator'] = (counts['focus indicator'] ?? 0) + 1;
    failures.push({
      target,
      state,
      check: 'focus indicator missing',
      foreground: '-',
      background: '-',
      ratio: 0,
      needed: 3,
    });
  };
  const describe = (el: Element): string => {
    const context =
      el.closest('[data-contrast-context]')?.getAttribute('data-contrast-context') ??
      el.closest('header, nav, main, footer, aside')?.tagName.toLowerCase() ??
      'page';
    const classes = [...el.classList].map((c) => `.${c}`).join('');
    const flags = [
      el.matches(':disabled, [aria-disabled="true"]') && 'disabled',
      el.matches(':checked') && 'checked',
      el.getAttribute('aria-current') && `aria-current=${el.getAttribute('aria-current')}`,
      el.getAttribute('aria-invalid') && 'invalid',
    ].filter(Boolean);
    const label =
      (el.matches('input, select, textarea')
        ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent
        : el.textContent) ?? '';
    const type = el.getAttribute('type');
    return `${context}: ${el.tagName.toLowerCase()}${type && el.tagName !== 'BUTTON' ? `[${type}]` : ''}${classes} "${label.replace(/\s+/g, ' ').trim().slice(0, 24)}"${flags.length ? ` (${flags.join(', ')})` : ''}`;
  };
  /** focus rings of `el` (outline, box shadows with a spread), each with the colour it sits against */
  const rings = (el: Element): { color: Rgba; against: Rgba; what: string }[] => {
    const s = getComputedStyle(el);
    const own = backgroundOf(el);
    const outside = backgroundOf(el.parentElement);
    const out: { color: Rgba; against: Rgba; what: string }[] = [];
    const outline = parse(s.outlineColor);
    if (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0 && outline[3] > 0)
      out.push({ color: outline, against: Number.parseFloat(s.outlineOffset) < 0 ? own : outside, what: 'outline' });
    if (s.boxShadow !== 'none') {
      for (const shadow of s.boxShadow.split(/,(?![^(]*\))/)) {
        const color = parse(shadow.match(/rgba?\([^)]*\)/)?.[0] ?? 'transparent');
        const lengths = shadow.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) ?? [];
        const spread = Number.parseFloat(lengths[3] ?? '0');
        if (spread > 0 && color[3] > 0)
          out.push({ color, against: /inset/.test(shadow) ? own : outside, what: 'box-shadow' });
      }
    }
    return out;
  };

  const focused = state !== 'default' && state !== 'hover';
  for (const target of document.querySelectorAll('[data-contrast-target]')) {
    const disabled = target.matches(':disabled, [aria-disabled="true"], .disabled');
    // a disabled control cannot take focus or be pressed
    if (disabled && !disabledToo) continue;
    const name = describe(target);
    const before = Object.values(counts).reduce((a, b) => a + b, 0);
    const isCheck = target.matches('input[type="checkbox"], input[type="radio"]');
    // a visually hidden checkbox or radio is drawn by its label: a ::before box and an ::after mark
    const shown = isCheck
      ? (target.parentElement?.querySelector(`label[for="${CSS.escape(target.id)}"]`) ?? target)
      : target;

    // text: every visible element under the control holding text of its own, and a control's value
    const texts = [shown, ...shown.querySelectorAll('*')].filter(
      (el) =>
        visible(el, shown) &&
        ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) ||
          (el.matches('input:not([type="checkbox"], [type="radio"]), textarea') &&
            (el as HTMLInputElement).value !== '') ||
          // a file input says 선택된 파일 없음 in its own colour; a select shows its chosen option
          el.matches('input[type="file"]') ||
          Boolean(el instanceof HTMLSelectElement && el.selectedOptions[0]?.text.trim())),
    );
    for (const el of texts) {
      const s = getComputedStyle(el);
      const size = Number.parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      const bg = backgroundOf(el);
      const fg = parse(s.color);
      fg[3] *= opacityOf(el);
      check({ target: name, state, check: 'text', needed: large ? 3 : 4.5 }, over(fg, bg), bg);
    }
    if (target.matches('input[type="file"]')) {
      // the browser's own 파일 선택 button inside the file input
      const picker = getComputedStyle(target, '::file-selector-button');
      const bg = over(parse(picker.backgroundColor), backgroundOf(target));
      check({ target: name, state, check: 'text', needed: 4.5 }, over(parse(picker.color), bg), bg);
    }
    if (!texts.length) {
      // an icon-only control: the icon is what tells what it does (1.4.11, 3:1)
      for (const icon of shown.querySelectorAll('.svg-icon')) {
        if (!visible(icon, shown)) continue;
        const bg = backgroundOf(shown);
        check(
          { target: name, state, check: 'icon', needed: 3 },
          over(parse(getComputedStyle(icon).backgroundColor), bg),
          bg,
        );
      }
    }

    if (!disabled) {
      // the boundary of a field (1.4.11): its border against what is around it
      if (target.matches('input:not([type="checkbox"], [type="radio"], [type="file"]), select, textarea')) {
        const s = getComputedStyle(target);
        if (!focused && !target.hasAttribute('data-contrast-border'))
          target.setAttribute('data-contrast-border', `${s.borderBottomColor} ${s.borderBottomWidth}`);
        const outside = backgroundOf(target.parentElement);
        const own = backgroundOf(target);
        if (ratio(own, outside) < 3)
          check(
            { target: name, state, check: 'field border', needed: 3 },
            over(parse(s.borderBottomColor), outside),
            outside,
          );
      }
      // the box of a checkbox or radio, and the mark when checked
      if (isCheck && shown !== target) {
        const box = getComputedStyle(shown, '::before');
        const outside = backgroundOf(shown);
        const fill = over(parse(box.backgroundColor), outside);
        // a filled box (checked) stands out by its fill, an empty one by its border
        const edge = ratio(fill, outside) >= 3 ? fill : over(parse(box.borderTopColor), outside);
        check({ target: name, state, check: 'box edge', needed: 3 }, edge, outside);
        if ((target as HTMLInputElement).checked) {
          const mark = getComputedStyle(shown, '::after');
          check({ target: name, state, check: 'check mark', needed: 3 }, over(parse(mark.backgroundColor), fill), fill);
        }
      }
    }

    // focus indicator (1.4.11, 2.4.7): at least one ring with 3:1 against what it sits on
    if (focused && !disabled) {
      const all = [...rings(target), ...(shown !== target ? rings(shown) : [])];
      const field = target.matches('input:not([type="checkbox"], [type="radio"], [type="file"]), select, textarea');
      if (!all.length && field) {
        // KRDS marks a focused field by its border instead (2 px, primary): it must differ from the
        // unfocused border and stand out from what is around it
        const s = getComputedStyle(target);
        const border = `${s.borderBottomColor} ${s.borderBottomWidth}`;
        if (border === target.getAttribute('data-contrast-border')) noFocusIndicator(name);
        else {
          const outside = backgroundOf(target.parentElement);
          check(
            { target: name, state, check: 'focus border', needed: 3 },
            over(parse(s.borderBottomColor), outside),
            outside,
          );
        }
      } else if (!all.length) {
        noFocusIndicator(name);
      } else {
        const best = all.reduce((a, b) => (ratio(a.color, a.against) >= ratio(b.color, b.against) ? a : b));
        check(
          { target: name, state, check: `focus ring (${best.what})`, needed: 3 },
          over(best.color, best.against),
          best.against,
        );
      }
    }
    if (Object.values(counts).reduce((a, b) => a + b, 0) === before) unmeasured.push(name);
  }
  return { failures, counts, unmeasured };
}

/** Sets the forced pseudo-classes of each target and ancestor for a state (none for the default). */
async function force(cdp: CDPSession, targets: number[], ancestors: number[], disabled: boolean[], state: State) {
  const pseudo = new Map<number, Set<string>>();
  const add = (id: number, classes: readonly string[]) => {
    const set = pseudo.get(id) ?? new Set<string>();
    for (const c of classes) set.add(c);
    pseudo.set(id, set);
  };
  // hovering, pressing or focusing a control does the same to its ancestors (focus-within)
  for (const id of ancestors) add(id, state.ancestors);
  for (const [i, id] of targets.entries()) add(id, state.disabledToo || !disabled[i] ? state.self : []);
  await Promise.all(
    [...pseudo].map(([nodeId, classes]) =>
      cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: [...classes] }),
    ),
  );
}

/** Node ids of the elements matching each selector (one document request: a new one drops old ids). */
async function nodeIds(cdp: CDPSession, ...selectors: string[]): Promise<number[][]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  return Promise.all(
    selectors.map(
      async (selector) => (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })).nodeIds,
    ),
  );
}

/** Every state of every marked control: the failures, and how many checks were made per state. */
async function checkAllStates(
  page: Page,
  root = 'body',
): Promise<{ failures: Failure[]; counts: Record<string, Record<string, number>>; unmeasured: string[] }> {
  const disabled = await page.evaluate(markTargets, root);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const [targets = [], ancestors = []] = await nodeIds(cdp, '[data-contrast-target]', '[data-contrast-ancestor]');
  expect(targets.length).toBe(disabled.length);
  const failures: Failure[] = [];
  const counts: Record<string, Record<string, number>> = {};
  const unmeasured = new Map<string, number>();
  for (const state of STATES) {
    await force(cdp, targets, ancestors, disabled, state);
    await settleAnimations(page);
    const measured = await page.evaluate(measure, { name: state.name, disabledToo: state.disabledToo });
    failures.push(...measured.failures);
    counts[state.name] = measured.counts;
    for (const u of measured.unmeasured) unmeasured.set(u, (unmeasured.get(u) ?? 0) + 1);
  }
  await force(cdp, targets, ancestors, disabled, STATES[0]!);
  await cdp.detach();
  // a control measured in no state at all is one the test cannot see (the skip link shows only on focus)
  return { failures, counts, unmeasured: [...unmeasured].filter(([, n]) => n === STATES.length).map(([u]) => u) };
}

function report(failures: readonly Failure[]): string[] {
  return failures.map(
    (f) =>
      `${f.target} [${f.state}] ${f.check}: ${f.foreground} on ${f.background} = ${f.ratio}:1, needs ${f.needed}:1`,
  );
}

describe('colour contrast of every control in every state (WCAG 2.2 1.4.3, 1.4.11)', () => {
  it('passes for the page chrome and every button, link and form-control variant', async () => {
    const o = await suite.openPage();
    const { page } = o;
    await page.goto(PAGE);
    await page.locator('#directory-results:not([aria-busy]) #directory-count').waitFor();
    await page.locator('main').evaluate((main, markup) => main.insertAdjacentHTML('beforeend', markup), gallery());

    const { failures, counts, unmeasured } = await checkAllStates(page);

    // the test looked: every state measured text and (when focused) focus rings of many controls
    for (const state of STATES) expect(counts[state.name]?.text ?? 0).toBeGreaterThan(200);
    expect(Object.keys(counts['keyboard focus']!).some((k) => k.startsWith('focus ring'))).toBe(true);
    expect(counts.default?.['field border'] ?? 0).toBeGreaterThan(40);
    expect(counts.default?.['check mark'] ?? 0).toBeGreaterThan(20);
    expect(counts.default?.['box edge'] ?? 0).toBeGreaterThan(40);
    expect(report(failures)).toEqual([]);
    expect(unmeasured).toEqual([]);
  });

  it('passes for the header and the 전체메뉴 panel on a narrow screen', async () => {
    const o = await suite.openPage({ viewport: 'tablet' });
    const { page } = o;
    await page.goto(PAGE);
    await page.locator('#directory-results:not([aria-busy]) #directory-count').waitFor();

    const header = await checkAllStates(page, '#krds-header');
    await page.getByRole('button', { name: '전체메뉴' }).click();
    await page.locator('#mobile-nav.is-open').waitFor();
    const menu = await checkAllStates(page, '#mobile-nav');

    for (const state of STATES) expect(menu.counts[state.name]?.text ?? 0).toBeGreaterThan(10);
    expect(report([...header.failures, ...menu.failures])).toEqual([]);
    expect([...header.unmeasured, ...menu.unmeasured]).toEqual([]);
  });
});
