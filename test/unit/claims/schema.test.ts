// The input contract's shape checks (what makes the command exit 1) versus rule 2's problems (what the
// engine reports and leaves out), and the committed JSON Schema files staying in step with the zod code.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '#functions/claims/engine/input-errors';
import { ClaimInputSchema, claimJsonSchemas, schemaFileText } from '#functions/claims/engine/schema';
import { claimInput, other, service } from './support.ts';

function issuesOf(value: unknown): string[] {
  const result = ClaimInputSchema.safeParse(value);
  return result.success ? [] : describeIssues(result.error.issues, value);
}

const valid = () => claimInput([service('A1', 'W1', '2026-03-03', '09:00', '13:00')]);

describe('ClaimInputSchema', () => {
  it('accepts the issue’s example and ignores unknown fields', () => {
    expect(issuesOf(valid())).toEqual([]);
    expect(issuesOf({ ...valid(), note: 'x', assistants: [{ id: 'A1', name: '김하나' }] })).toEqual([]);
  });

  it('leaves real-calendar and clock-range checks to rule 2', () => {
    const input = claimInput([
      service('A1', 'W1', '2026-02-30', '25:00', '24:00'),
      service('A1', 'W1', '2026-13-45', '24:00', '99:99'),
    ]);
    expect(issuesOf(input)).toEqual([]);
  });

  it.each([
    ['a date not shaped YYYY-MM-DD', { date: '2026-3-3' }, 'entries[0].date', '날짜는 YYYY-MM-DD'],
    ['a time not shaped HH:MM', { start: '9:00' }, 'entries[0].start', '시각은 HH:MM'],
    ['a time with seconds', { end: '13:00:00' }, 'entries[0].end', '시각은 HH:MM'],
    ['an unknown type', { type: 'vacation' }, 'entries[0].type', 'service, paidLeave'],
    ['a service entry without a worker', { workerId: undefined }, 'entries[0].workerId', '없습니다'],
    ['a mistyped worker', { workerId: 7 }, 'entries[0].workerId', '문자열'],
  ])('rejects %s, naming the field', (_, change, path, words) => {
    const input = valid();
    input.entries[0] = { ...input.entries[0]!, ...change } as never;
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(`${path}:`);
    expect(issues[0]).toContain(words);
  });

  it('does not require a worker on leave entries', () => {
    expect(issuesOf(claimInput([other('absence', 'A1', '2026-03-03', '09:00', '10:00')]))).toEqual([]);
  });

  it('requires every top-level field and names what is missing', () => {
    const { rates: _rates, ...withoutRates } = valid();
    expect(issuesOf(withoutRates)).toEqual([
      'rates: 꼭 있어야 하는 항목이 없습니다. 객체 값을 넣어 주세요 (missing field). 받은 값: 없음 (missing)',
    ]);
    expect(issuesOf([])[0]).toContain('(전체)');
    expect(issuesOf({ ...valid(), month: '2026-13' })[0]).toContain('month: 청구 월은 YYYY-MM');
    const noExempt = { ...valid(), workers: [{ id: 'W1' }] };
    expect(issuesOf(noExempt)[0]).toContain('workers[0].copayExempt');
  });

  it('requires ratio keys from "1" to maxConcurrency, no more and no fewer', () => {
    const input = valid();
    input.rates.premiumByRatio = { '1': 1, '2': 1, '4': 1 };
    input.rates.copayPerHourByRatio = { '0': 1, '1': 300, '2': 150, '3': 100 };
    const issues = issuesOf(input);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rates.premiumByRatio["4"]: 비율 "4"은(는) maxConcurrency(3)보다 큽니다'),
        expect.stringContaining('rates.premiumByRatio["3"]: 비율 "3"의 값이 없습니다'),
        expect.stringContaining('rates.copayPerHourByRatio["0"]: 비율 키는'),
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('rejects rates with more than six decimal places, negative rates and duplicate ids', () => {
    const input = valid();
    input.rates.socialInsurance.health = 0.0359512;
    input.rates.severanceRate = -0.1;
    input.assistants.push({ id: 'A1' });
    const issues = issuesOf(input);
    expect(issues).toEqual([
      expect.stringContaining('rates.socialInsurance.health: 소수점 아래 6자리'),
      expect.stringContaining('rates.severanceRate: 0 이상'),
      expect.stringContaining('assistants[1].id: 아이디 "A1"이(가) 두 번 이상'),
    ]);
  });

  it('accepts null as the co-payment cap, but not a missing one', () => {
    const input = valid();
    expect(issuesOf({ ...input, rates: { ...input.rates, copayMonthlyCap: 50000 } })).toEqual([]);
    const { copayMonthlyCap: _cap, ...withoutCap } = input.rates;
    expect(issuesOf({ ...input, rates: withoutCap })[0]).toContain('rates.copayMonthlyCap');
  });
});

describe('JSON Schema files', () => {
  it.each(['input', 'output'] as const)('%s.schema.json is generated from the current zod schema', (name) => {
    const committed = readFileSync(
      new URL(`../../../functions/claims/engine/${name}.schema.json`, import.meta.url),
      'utf8',
    );
    // Regenerate with: node --import tsx functions/claims/engine/write-schemas.ts
    // Compared as canonical JSON (key order included) so that biome's formatting of the file does not matter.
    expect(JSON.stringify(JSON.parse(committed))).toBe(
      JSON.stringify(JSON.parse(schemaFileText(claimJsonSchemas()[name]))),
    );
  });

  it('documents the entry types and shapes', () => {
    const text = JSON.stringify(claimJsonSchemas().input);
    for (const type of ['service', 'paidLeave', 'holiday', 'officialLeave', 'training', 'unpaidLeave', 'absence']) {
      expect(text).toContain(`"${type}"`);
    }
    expect(text).toContain('^\\\\d{2}:\\\\d{2}$');
  });
});
