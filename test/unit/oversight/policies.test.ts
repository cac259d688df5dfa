import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PERSONAL_DATA_ITEMS,
  POLICY_DOCUMENTS,
  policyDocument,
  policyTimeline,
} from '#functions/oversight/policy-rules';

// The privacy policy must name every item of personal data the product keeps (개인정보 보호법 §30).
// Each policy item cites where it is stored; these tests read the entity files so that the policy
// cannot cite an attribute that does not exist, and an entity that starts keeping a personal
// attribute fails here until the policy names it.

const SOURCES: Record<string, string> = {
  'caller-profile': 'functions/commons/caller-profile.ts',
  'audit-trail': 'functions/commons/audit-trail.ts',
};
const fileOf = (source: string) => SOURCES[source] ?? `functions/${source}/entities.ts`;
const text = (source: string) => readFileSync(fileOf(source), 'utf8');
const declares = (source: string, attribute: string) => new RegExp(`^\\s+${attribute}: `, 'm').test(text(source));

/** Attributes that hold a person's data wherever they appear. */
const PERSONAL = [
  'rrnCipher',
  'phone',
  'mobilePhone',
  'address',
  'disability',
  'evaluation',
  'email',
  'birthDate',
  'gender',
  'bankAccount',
  'sourceIp',
  'typedName',
  'signature',
  'specialNotes',
  'clockIn',
  'payments',
  'payItems',
  'netPay',
  'qualificationChecks',
  'schedule',
];
const ENTITY_SOURCES = [
  'activity',
  'agencies',
  'applications',
  'assistants',
  'attendance',
  'claims',
  'identity',
  'leave',
  'matching',
  'payroll',
  'surveys',
  'files',
  'rates',
  'caller-profile',
  'audit-trail',
];

const cited = new Set(PERSONAL_DATA_ITEMS.flatMap((item) => item.stored));
const privacy = policyDocument('privacy')!;

describe('privacy policy against the stored data', () => {
  it('cites only attributes the entities declare', () => {
    const missing = [...cited].filter((ref) => {
      const [source, attribute] = ref.split('.') as [string, string];
      return !declares(source, attribute);
    });
    expect(missing).toEqual([]);
  });

  it('names every personal attribute of every entity', () => {
    const uncited = ENTITY_SOURCES.flatMap((source) =>
      PERSONAL.filter((attribute) => declares(source, attribute)).map((attribute) => `${source}.${attribute}`),
    ).filter((ref) => !cited.has(ref));
    expect(uncited).toEqual([]);
  });

  it('names the items the issue lists, each with purpose, retention and recipients', () => {
    const current = privacy.versions[0]!;
    const table = current.sections[0]!.table!;
    const all = table.rows.map((r) => r.join(' ')).join('\n');
    for (const word of ['주민등록번호', '휴대전화 번호', '장애 유형', '평가 결과', '활동일지', '급여'])
      expect(all).toContain(word);
    for (const item of PERSONAL_DATA_ITEMS) {
      expect(item.purpose.length, item.id).toBeGreaterThan(5);
      expect(item.retention.length, item.id).toBeGreaterThan(2);
      expect(item.recipients.length, item.id).toBeGreaterThan(2);
    }
    const headings = current.sections.map((s) => s.heading).join('\n');
    for (const word of ['파기', '권리', '개인정보 보호책임자', '제3자 제공']) expect(headings).toContain(word);
    expect(current.sections.find((s) => s.heading.includes('보호책임자'))!.paragraphs!.join(' ')).toMatch(/전화 \d/);
  });

  it('lists in each version only the items it had (payroll and leave came with 1.1)', () => {
    const rows = (version: string) =>
      privacy.versions.find((v) => v.version === version)!.sections[0]!.table!.rows.map((r) => r[1]);
    expect(rows('1.0').some((r) => r!.includes('급여 항목'))).toBe(false);
    expect(rows('1.1').some((r) => r!.includes('급여 항목'))).toBe(true);
    expect(rows('1.1')).toHaveLength(PERSONAL_DATA_ITEMS.length);
  });
});

describe('policy versions', () => {
  it('every document has dated versions, newest first, with what changed', () => {
    expect(POLICY_DOCUMENTS.map((d) => d.id)).toEqual(['privacy', 'terms', 'copyright', 'no-email-collection']);
    for (const doc of POLICY_DOCUMENTS) {
      expect(doc.versions.length, doc.id).toBeGreaterThan(0);
      const dates = doc.versions.map((v) => v.effectiveFrom);
      expect(dates, doc.id).toEqual([...dates].sort().reverse());
      for (const v of doc.versions) {
        expect(v.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.changes).not.toBe('');
        expect(v.sections.length).toBeGreaterThan(0);
      }
    }
  });

  it('applies the newest version whose day has come', () => {
    expect(policyTimeline(privacy, '2026-09-30')).toMatchObject({
      current: { version: '1.0' },
      upcoming: [{ version: '1.1' }],
      earlier: [],
    });
    expect(policyTimeline(privacy, '2026-10-01')).toMatchObject({
      current: { version: '1.1' },
      upcoming: [],
      earlier: [{ version: '1.0' }],
    });
    // before the first version: the first one is shown (nothing else exists to show)
    expect(policyTimeline(privacy, '2025-12-31')).toMatchObject({
      current: { version: '1.0' },
      upcoming: [{ version: '1.1' }],
    });
  });

  it('finds documents by id only', () => {
    expect(policyDocument('terms')?.title).toBe('이용약관');
    expect(policyDocument('unknown')).toBeUndefined();
  });
});
