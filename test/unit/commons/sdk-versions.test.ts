import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 2: every AWS SDK client and library runs at one version — the one the tests ran — including
// clients that arrive through other packages (aws-local-stepfunctions brings @aws-sdk/client-lambda).
describe('AWS SDK versions', () => {
  it('has every @aws-sdk client and library at one version', () => {
    const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    const versions = new Map<string, string[]>();
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = path.match(/node_modules\/(@aws-sdk\/(?:client-[^/]+|lib-[^/]+|s3-request-presigner))$/)?.[1];
      if (name) versions.set(entry.version, [...(versions.get(entry.version) ?? []), name]);
    }
    expect(versions.size, JSON.stringify(Object.fromEntries(versions))).toBe(1);
    expect([...versions.values()][0]).toContain('@aws-sdk/client-dynamodb');
  });
});
