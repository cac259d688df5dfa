import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: handler entries, state-machine definitions and the lock file are relative to it. */
export const PROJECT_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

export function fromRoot(relativePath: string): string {
  return join(PROJECT_ROOT, relativePath);
}
