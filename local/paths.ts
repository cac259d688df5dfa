import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: capability entry files and ASL definitions are named relative to it. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where `npm start` keeps its data between runs (git-ignored); `npm start -- --reset` empties it. */
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.local-data');
