import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Korean font every generated document embeds (SIL Open Font License: Noto Sans KR, all 11,172
// Hangul syllables, TrueType outlines that pdf-lib can subset). The Lambda bundle carries the file
// beside its index.mjs (functions/capabilities.ts lists it, the CDK copies it); the local stack and
// the tests read it from node_modules.

const PACKAGE_FILE = '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf';
const BOLD_PACKAGE_FILE = '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf';

/** The font file relative to the repository root, for the bundle's file list. */
export const KOREAN_FONT_FILE = `node_modules/${PACKAGE_FILE}`;

const fonts = new Map<string, Uint8Array>();

function load(packageFile: string): Uint8Array {
  let bytes = fonts.get(packageFile);
  if (!bytes) {
    const beside = join(dirname(fileURLToPath(import.meta.url)), basename(packageFile));
    const path = existsSync(beside) ? beside : createRequire(import.meta.url).resolve(packageFile);
    bytes = readFileSync(path);
    fonts.set(packageFile, bytes);
  }
  return bytes;
}

/** Regular weight: documents. */
export function koreanFont(): Uint8Array {
  return load(PACKAGE_FILE);
}

/** Bold weight: seal images drawn for the demo and tests (never needed by a Lambda). */
export function koreanBoldFont(): Uint8Array {
  return load(BOLD_PACKAGE_FILE);
}
