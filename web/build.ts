// Placeholder contract, replaced by the web helper: buildWeb() builds web/ into web/dist and returns its path.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), 'dist');

export function buildWeb(): string {
  mkdirSync(WEB_DIST, { recursive: true });
  writeFileSync(join(WEB_DIST, 'index.html'), '<!doctype html><html lang="ko"><title>근로지원인 플랫폼</title></html>');
  return WEB_DIST;
}
