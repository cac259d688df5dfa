// Browser-test harness: Debian's chromium driven by playwright-core (no browser download), pages at
// a chosen viewport, axe-core checks for WCAG 2.0/2.1/2.2 A and AA, keyboard and layout helpers.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  /** the narrowest phone the product supports */
  mobile: { width: 360, height: 740 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1280, height: 900 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export const RESULTS_DIR = join(process.cwd(), 'test-results');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** uncaught exceptions and console errors seen so far: a page that throws is a failing page */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (no shared cookies or storage) with one page, in Korean, at the given viewport. */
export async function openPage(
  browser: Browser,
  options: { baseUrl?: string; viewport?: ViewportName | { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const viewport = typeof options.viewport === 'object' ? options.viewport : VIEWPORTS[options.viewport ?? 'desktop'];
  const context = await browser.newContext({
    baseURL: options.baseUrl,
    viewport,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { page, context, errors, close: () => context.close() };
}

/**
 * Wait until no CSS transition or animation with an end is running on the page (a spinner's endless
 * one is left alone), for at most `timeoutMs`: colours read mid-transition (a button fading to its
 * pressed colour, a panel fading in) belong to no state of the page, so a check must not see them.
 */
export async function settleAnimations(page: Page, timeoutMs = 3000): Promise<void> {
  await page.evaluate(async (timeout) => {
    // two frames: a style change made just before (a forced state, a focus) starts its transitions
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const deadline = performance.now() + timeout;
    for (;;) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0));
      const left = deadline - performance.now();
      if (!running.length || left <= 0) return;
      await Promise.race([
        Promise.allSettled(running.map((a) => a.finished)),
        new Promise((resolve) => setTimeout(resolve, left)),
      ]);
    }
  }, timeoutMs);
}

/**
 * Run axe-core on the page once its transitions have settled; fail with every violation, its rule
 * and the elements.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  await settleAnimations(page);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  if (!results.violations.length) return;
  const report = results.violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
          .join('\n'),
    )
    .join('\n');
  throw new Error(`axe found ${results.violations.length} violation(s) on ${page.url()}:\n${report}`);
}

/** True when the page is wider than the viewport (the user would have to scroll sideways). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** A description of the focused element: its accessible text, tag and href, for keyboard tests. */
export async function focusedElement(
  page: Page,
): Promise<{ tag: string; text: string; href: string | null; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent || el?.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim(),
      href: el?.getAttribute('href') ?? null,
      id: el?.id ?? '',
    };
  });
}

/**
 * Press Tab until the focused element satisfies `matches` (keyboard-only navigation). Fails after
 * `maxTabs`, naming what was focused on the way, so a broken tab order is easy to see.
 */
export async function tabTo(
  page: Page,
  matches: (focused: Awaited<ReturnType<typeof focusedElement>>) => boolean,
  maxTabs = 60,
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (matches(focused)) return;
    seen.push(`${focused.tag}${focused.id ? `#${focused.id}` : ''} "${focused.text.slice(0, 30)}"`);
  }
  throw new Error(`no matching element after ${maxTabs} tabs; focused in order: ${seen.join(', ')}`);
}

/** Save a full-page PNG under test-results/ (git-ignored) and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Signs in through a system's login screen by keyboard alone (아이디 → 비밀번호 → Enter → 인증번호
 * from the local outbox → Enter) and waits for the signed-in session bar.
 */
export async function signInByKeyboard(
  page: Page,
  stack: { baseUrl: string },
  username: string,
  options: { system?: '' | '/agency' | '/internal' | '/youth-program'; password?: string } = {},
): Promise<void> {
  const { DEMO_PASSWORD } = await import('#local/demo-data');
  const outbox = async () => {
    const response = await fetch(`${stack.baseUrl}/local/outbox.json?to=${encodeURIComponent(username)}`);
    return ((await response.json()) as { items: { id: string; code?: string; source?: string }[] }).items;
  };
  await page.goto(`${options.system ?? ''}/login`);
  await tabTo(page, (f) => f.id === 'login-username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(options.password ?? DEMO_PASSWORD);
  // codes already in the outbox are old ones: the new one is the first entry not seen before
  const seen = new Set((await outbox()).map((entry) => entry.id));
  await page.keyboard.press('Enter');
  await page.locator('#login-code').waitFor();
  let code: string | undefined;
  for (let attempt = 0; attempt < 100 && !code; attempt += 1) {
    code = (await outbox()).find((e) => !seen.has(e.id) && e.source === 'Authentication' && e.code)?.code;
    if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!code) throw new Error(`no sign-in code for ${username} in the outbox`);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.locator('#app-session').waitFor();
}

/** Page errors other than the browser's note on an API answer of 4xx (refusals the page shows itself). */
export function unexpectedErrors(opened: OpenedPage): string[] {
  return opened.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}
