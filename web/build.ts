// Builds the static web front end into web/dist: the app bundle (esbuild), its stylesheet, the KRDS
// stylesheet, icons and PretendardGOV fonts, and index.html. Synchronous and fast (well under a
// second), because the CDK app and the local stack call it at start.
//
// Layout of web/dist (plain paths; index.html adds ?v=<hash> so caches refresh on every change):
//   index.html                      the one HTML page; every route is rendered by the app
//   assets/app.js, assets/app.css   the app
//   vendor/krds/krds.min.css        KRDS, with its icon URLs pointed at vendor/krds/img
//   vendor/krds/img/component/…     KRDS icons
//   vendor/krds/fonts/…             PretendardGOV subsets
// KRDS's krds.min.js is not shipped: it initialises once on DOMContentLoaded with global selectors,
// which does not fit an app that re-renders on navigation; the few behaviours used (mobile menu,
// error summary) are implemented in web/src with KRDS's class names.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const WEB_DIR = dirname(fileURLToPath(import.meta.url));

export const WEB_DIST = join(WEB_DIR, 'dist');

const KRDS_ORIGIN_IMAGES = 'https://www.krds.go.kr/resources/img/';

export function buildWeb(): string {
  mkdirSync(join(WEB_DIST, 'assets'), { recursive: true });
  copyKrds(join(WEB_DIST, 'vendor', 'krds'));

  const result = buildSync({
    entryPoints: [
      { in: join(WEB_DIR, 'src', 'main.ts'), out: 'app' },
      { in: join(WEB_DIR, 'src', 'styles', 'app.css'), out: 'app' },
    ],
    outdir: join(WEB_DIST, 'assets'),
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'safari16', 'firefox115'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    // Fonts are referenced by their served path; they are copied, not bundled.
    external: ['/vendor/*'],
    logLevel: 'silent',
    absWorkingDir: join(WEB_DIR, '..'),
  });
  if (result.errors.length) {
    throw new Error(`web build failed: ${result.errors.map((e) => e.text).join('; ')}`);
  }
  const css = readFileSync(join(WEB_DIST, 'assets', 'app.css'));
  const js = readFileSync(join(WEB_DIST, 'assets', 'app.js'));
  const krdsCss = readFileSync(join(WEB_DIST, 'vendor', 'krds', 'krds.min.css'));

  writeFileSync(
    join(WEB_DIST, 'index.html'),
    indexHtml({ app: version(js), style: version(css), krds: version(krdsCss) }),
  );
  return WEB_DIST;
}

function version(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

function krdsRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('krds-uiux/package.json')), 'resources');
}

/** Copy KRDS once per KRDS version: the copy is ~2.5 MB and does not change between builds. */
function copyKrds(target: string): void {
  const source = krdsRoot();
  const pkg = JSON.parse(readFileSync(join(source, '..', 'package.json'), 'utf8')) as { version: string };
  const stamp = join(target, '.krds-version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === pkg.version) return;

  mkdirSync(target, { recursive: true });
  // The CDN build points its icons at www.krds.go.kr; serve them from our own origin instead (the
  // site must work offline on the local stack, and a government site should not hot-link).
  const css = readFileSync(join(source, 'cdn', 'krds.min.css'), 'utf8').replaceAll(KRDS_ORIGIN_IMAGES, 'img/');
  writeFileSync(join(target, 'krds.min.css'), css);
  cpSync(join(source, 'img', 'component'), join(target, 'img', 'component'), { recursive: true });
  cpSync(join(source, 'fonts'), join(target, 'fonts'), { recursive: true });
  writeFileSync(stamp, pkg.version);
}

function indexHtml(v: { app: string; style: string; krds: string }): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>장애인서비스신청포털</title>
<meta name="description" content="한국장애인고용공단 근로지원인 서비스를 찾고 신청하는 누리집">
<link rel="preload" href="/vendor/krds/fonts/PretendardGOV-Regular.subset.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/vendor/krds/krds.min.css?v=${v.krds}">
<link rel="stylesheet" href="/assets/app.css?v=${v.style}">
<script type="module" src="/assets/app.js?v=${v.app}"></script>
</head>
<body>
<div id="app"><noscript><p class="app-noscript">이 누리집은 자바스크립트를 사용합니다. 브라우저 설정에서 자바스크립트를 켠 뒤 다시 열어 주세요.</p></noscript></div>
<div id="app-announcer" class="sr-only" aria-live="polite" aria-atomic="true"></div>
</body>
</html>
`;
}
