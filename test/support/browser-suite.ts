import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type OpenedPage, openPage, type ViewportName } from './browser.ts';
import { startStack, type TestStack } from './stack.ts';

export interface BrowserSuite {
  /** the file's local stack (read it inside tests and hooks: it starts in beforeAll) */
  readonly stack: TestStack;
  readonly browser: Browser;
  /** a fresh page on the stack's web app, closed with the suite */
  openPage(options?: { viewport?: ViewportName | { width: number; height: number } }): Promise<OpenedPage>;
}

/**
 * One local stack and one browser for a browser-test file: both started before its tests (in
 * parallel, the stack being the slow one) and stopped after them, with every page opened through
 * the suite.
 */
export function browserSuite(): BrowserSuite {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(opened.map((o) => o.close()));
    await browser?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite starts in beforeAll; read it inside a test or hook');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
    async openPage(options = {}) {
      const o = await openPage(started(browser), { baseUrl: started(stack).baseUrl, ...options });
      opened.push(o);
      return o;
    },
  };
}
