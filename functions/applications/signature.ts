import { createHash } from 'node:crypto';

// The electronic signature's proof (SPEC B1 전자서명 동의): the SHA-256 of exactly what the applicant
// signed. Canonical JSON makes the hash independent of key order, so it can be recomputed from the
// stored application at any time and compared.

/** JSON with keys in a fixed order, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of what the applicant signed: proof that the stored content is what was signed. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
