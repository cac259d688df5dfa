import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteSpec } from '#commons/http/route';
import type { Role } from '#commons/roles';
import { CAPABILITIES } from '#functions/capabilities';
import { demoActivityProbes } from '#local/demo-activity';
import { demoAttendanceProbes } from '#local/demo-attendance';
import { demoCalendar } from '#local/demo-calendar';
import { DEMO_ACCOUNTS } from '#local/demo-data';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

/**
 * Security issue, point 6: bad input never reaches the database. Every route of the route table, on
 * the local stack, as a caller it serves (hq where it may, so the scope lets the request deepest),
 * gets one request per mutation kind and field, built on a well-formed request from its own schemas:
 * - a path parameter of 5,000 characters, and bad percent-encoding (%ZZ) in the path;
 * - a query value of 8,000 characters, for each declared query field;
 * - impossible dates (2026-02-30, 9999-99-99) in each date field of the query or body;
 * - a 1 MB string in each body field;
 * - control characters and bidirectional controls (U+202E, U+2066) in each string field of the query
 *   or body (free text, and every id, code, date and choice too).
 * Every answer must be a refusal (4xx) with a Korean message; none may be a 5xx; and the table must
 * hold exactly what it held before (a digest of every item).
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema documents of many shapes, walked generically
type Schema = any;

interface Mutation {
  route: RouteSpec;
  kind:
    | 'path-oversize'
    | 'path-percent'
    | 'query-oversize'
    | 'date-impossible'
    | 'body-1mb'
    | 'text-control'
    | 'text-bidi';
  field: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

interface Outcome {
  mutation: Mutation;
  status: number;
  message?: string;
}

const calendar = demoCalendar();
const activity = demoActivityProbes();
const attendance = demoAttendanceProbes();
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Well-formed values by field name, pointing at the demo data where an id is asked for. */
const SAMPLES: Record<string, string> = {
  organisationId: 'AG-HANBIT',
  agencyId: 'AG-HANBIT',
  branchId: 'BR-SEOUL',
  assistantId: 'AS-DEMO-01',
  applicationId: 'SA-DEMO-W01',
  matchingId: 'MT-DEMO-01',
  agreementId: `${calendar.agreementYear}-AG-HANBIT-1`,
  claimId: `AG-HANBIT_${calendar.previous}`,
  settlementId: `AG-HANBIT_${calendar.serviceYear}-H1`,
  payrollId: `AG-HANBIT_${calendar.previous}_AS-DEMO-01`,
  copayId: `AG-HANBIT_${calendar.previous}_worker01`,
  noticeId: 'LN-AS-DEMO-01-20200101-1',
  postingId: 'JP-DEMO-HANBIT-1',
  activityApplicationId: 'AA-DEMO-02',
  entryId: activity.own.entryId,
  roundId: activity.own.roundId,
  importId: attendance.own.importId,
  uploadId: ZERO_UUID,
  checkId: ZERO_UUID,
  evidenceUploadId: ZERO_UUID,
  pledgeUploadId: ZERO_UUID,
  userId: 'probe_seoul',
  workerId: 'worker01',
  username: 'fuzzcheck',
  subject: 'worker01',
  actor: 'hq_admin',
  month: calendar.previous,
  period: `${calendar.serviceYear}-H1`,
  start: '09:00',
  end: '10:00',
  workStart: '09:00',
  workEnd: '13:00',
  from: calendar.today,
  to: calendar.today,
  phone: '010-0000-9999',
  mobilePhone: '010-0000-9999',
  fax: '02-000-0000',
  email: 'fuzz@example.com',
  rrn: '900101-1000009',
  businessNumber: '123-45-67890',
  bankAccount: '000-00-0000-999',
  postalCode: '03925',
  sigunguCode: '11440',
  sigungu: '11440',
  code: '000000',
  digest: '0'.repeat(64),
  session: 'fuzz-session-0000000000',
  refreshToken: 'fuzz-refresh-token-000000000000',
  uploadSecret: 'fuzz-secret-00000000',
  password: 'Fuzz!12345',
  fiscalYearStart: '01-01',
  contentType: 'application/pdf',
  fileName: 'fuzz.pdf',
  path: '/fuzz',
  findingId: 'none',
};

/** The last name of a field path: "contacts[].phone" → "phone". */
const leafName = (field: string) => field.replace(/\[\]/g, '').split('.').at(-1) ?? field;

function variant(schema: Schema): Schema {
  const options: Schema[] | undefined = schema?.anyOf ?? schema?.oneOf;
  if (!options) return schema;
  return variant(options.find((option) => option.type !== 'null') ?? options[0]);
}

/** A well-formed value for a schema: required properties only, samples by name, the minimum of ranges. */
function sample(raw: Schema, name: string): unknown {
  const schema = variant(raw);
  if (schema === undefined || schema === true) return SAMPLES[name] ?? '확인';
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = sample(schema.properties?.[key], key);
      return value;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 1);
      return Array.from({ length: Math.min(count, schema.maxItems ?? count) }, () => sample(schema.items, name));
    }
    case 'integer':
    case 'number': {
      if (name === 'year') return calendar.serviceYear;
      if (schema.minimum !== undefined) return Math.max(schema.minimum, 0);
      if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + 1;
      return name === 'revision' ? 999 : 1;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default: {
      if (SAMPLES[name]) return SAMPLES[name];
      if (schema.format === 'uuid') return ZERO_UUID;
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.pattern === DAY_PATTERN) return calendar.today;
      const min = schema.minLength ?? 1;
      return '확인'.repeat(Math.ceil(Math.max(min, 2) / 2)).slice(0, Math.max(min, 2));
    }
  }
}

interface Leaf {
  field: string;
  schema: Schema;
}

/** Every leaf field of a schema (optional ones too), as dotted paths with [] for array items. */
function leaves(raw: Schema, prefix = ''): Leaf[] {
  const schema = variant(raw);
  if (schema?.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, child]) =>
      leaves(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (schema?.type === 'array') return leaves(schema.items, `${prefix}[]`);
  return prefix ? [{ field: prefix, schema }] : [];
}

/** A copy of `base` with `value` at `field`, creating the objects and array items on the way. */
function withValue(rootSchema: Schema, base: unknown, field: string, value: unknown): unknown {
  const steps = field.split('.').flatMap((step) => (step.endsWith('[]') ? [step.slice(0, -2), '[]'] : [step]));
  const root = structuredClone(base) as Record<string, unknown>;
  let node: Schema = variant(rootSchema);
  let holder: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    const key: string | number = step === '[]' ? 0 : step;
    const child = variant(step === '[]' ? node.items : node.properties?.[step]);
    const container = holder as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      break;
    }
    if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') {
      container[key] = sample(child, String(key));
    }
    if (Array.isArray(container[key]) && (container[key] as unknown[]).length === 0) {
      (container[key] as unknown[]).push(sample(child.items, String(key)));
    }
    holder = container[key] as Record<string, unknown>;
    node = child;
  }
  return root;
}

const jsonSchemaOf = (schema: unknown): Schema =>
  schema ? z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' }) : undefined;

const isDateField = (leaf: Leaf) =>
  leaf.schema?.pattern === DAY_PATTERN ||
  /^(date|dates|designatedDates|on|hiredFrom|hiredTo|periodStart|periodEnd|checkedOn|closesOn)$|Date$|On$/.test(
    leafName(leaf.field),
  ) ||
  (/^(from|to)$/.test(leafName(leaf.field)) && leaf.schema?.maxLength !== 5);

/**
 * A field that takes a string: free text, and every id, code, date or choice too (none may take a
 * control character or a bidi override). Decided from the type alone, not from the checks a schema
 * has, so the same mutations go out whatever the schemas check.
 */
const isTextField = (leaf: Leaf) => {
  const schema = leaf.schema;
  if (!schema || schema === true || schema.const !== undefined) return false;
  return schema.type === 'string' || Array.isArray(schema.enum);
};

const HUGE_PATH = 'A'.repeat(5_000);
const HUGE_QUERY = 'A'.repeat(8_000);
const MEGABYTE = 'A'.repeat(1024 * 1024);
const CONTROL = '확인\u0000\u0007\u001b[2J확인';
const BIDI = '확인\u202e\u2066확인';

function pathOf(route: RouteSpec, params: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\+?\}/g, (_m, name: string) => params[name]!);
}

function mutationsOf(route: RouteSpec): Mutation[] {
  const paramSchema = jsonSchemaOf(route.params);
  const querySchema = jsonSchemaOf(route.query);
  const bodySchema = jsonSchemaOf(route.body);
  const paramNames = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
  const params = Object.fromEntries(
    paramNames.map((name) => [name, String(sample(paramSchema?.properties?.[name], name))]),
  );
  const query = (querySchema ? sample(querySchema, 'query') : {}) as Record<string, unknown>;
  const baseQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const body = bodySchema ? sample(bodySchema, 'body') : route.method === 'GET' ? undefined : {};
  const base = { route, path: pathOf(route, params), query: baseQuery, body };
  const out: Mutation[] = [];

  for (const name of paramNames) {
    out.push({
      ...base,
      kind: 'path-oversize',
      field: `params.${name}`,
      path: pathOf(route, { ...params, [name]: HUGE_PATH }),
    });
  }
  out.push({
    ...base,
    kind: 'path-percent',
    field: paramNames[0] ? `params.${paramNames[0]}` : 'path',
    path: paramNames[0] ? pathOf(route, { ...params, [paramNames[0]]: '%ZZ' }) : `${base.path}%ZZ`,
  });
  for (const leaf of leaves(querySchema)) {
    const field = `query.${leaf.field}`;
    out.push({ ...base, kind: 'query-oversize', field, query: { ...baseQuery, [leaf.field]: HUGE_QUERY } });
    if (isDateField(leaf)) {
      for (const day of ['2026-02-30', '9999-99-99']) {
        out.push({ ...base, kind: 'date-impossible', field, query: { ...baseQuery, [leaf.field]: day } });
      }
    }
    if (isTextField(leaf)) {
      out.push({ ...base, kind: 'text-control', field, query: { ...baseQuery, [leaf.field]: CONTROL } });
      out.push({ ...base, kind: 'text-bidi', field, query: { ...baseQuery, [leaf.field]: BIDI } });
    }
  }
  for (const leaf of leaves(bodySchema)) {
    const field = `body.${leaf.field}`;
    const set = (value: unknown) => withValue(bodySchema, body, leaf.field, value);
    out.push({ ...base, kind: 'body-1mb', field, body: set(MEGABYTE) });
    if (isDateField(leaf)) {
      for (const day of ['2026-02-30', '9999-99-99'])
        out.push({ ...base, kind: 'date-impossible', field, body: set(day) });
    }
    if (isTextField(leaf)) {
      out.push({ ...base, kind: 'text-control', field, body: set(CONTROL) });
      out.push({ ...base, kind: 'text-bidi', field, body: set(BIDI) });
    }
  }
  return out;
}

/** The demo account a route is called as: hq where it serves hq (no scope limits it), else its first role. */
const CALLER_ORDER: Role[] = ['hq', 'agency', 'branch', 'assistant', 'worker'];
function callerOf(route: RouteSpec): string | undefined {
  if (route.access === 'public') return undefined;
  if (route.access === 'signedIn') return 'worker01';
  const roles = route.access.roles;
  const role = CALLER_ORDER.find((r) => roles.includes(r)) ?? roles[0]!;
  const account = DEMO_ACCOUNTS.find((a) => a.roles[0] === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account.username;
}

const ROUTES = CAPABILITIES.flatMap((capability) => capability.routes);
const MUTATIONS = ROUTES.flatMap(mutationsOf);

let stack: TestStack;
const tokens = new Map<string, string>();
const outcomes: Outcome[] = [];
let digestBefore: { count: number; digest: string; keys: Map<string, string> };

/** JSON with every object's keys in order, so that equal items give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

async function tableDigest(): Promise<{ count: number; digest: string; keys: Map<string, string> }> {
  const client = new DynamoDBClient({
    endpoint: stack.endpoints.dynamodb,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const keys = new Map<string, string>();
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(new ScanCommand({ TableName: stack.env.TABLE_NAME!, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const key = `${item.pk?.S} ${item.sk?.S}`;
      keys.set(key, createHash('sha256').update(canonical(item)).digest('hex'));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  const digest = createHash('sha256');
  for (const key of [...keys.keys()].sort()) digest.update(`${key}=${keys.get(key)}\n`);
  return { count: keys.size, digest: digest.digest('hex'), keys };
}

async function send(mutation: Mutation): Promise<Outcome> {
  const username = callerOf(mutation.route);
  const token = username ? tokens.get(username) : undefined;
  const search = new URLSearchParams(mutation.query).toString();
  const url = `${stack.apiUrl}${mutation.path}${search ? `?${search}` : ''}`;
  const res = await fetch(url, {
    method: mutation.route.method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: mutation.route.method === 'GET' ? undefined : JSON.stringify(mutation.body ?? {}),
  });
  const text = await res.text();
  let message: string | undefined;
  try {
    message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
  } catch {
    message = undefined;
  }
  return { mutation, status: res.status, message };
}

beforeAll(async () => {
  stack = await startStack();
  const usernames = new Set(ROUTES.map(callerOf).filter((u): u is string => !!u));
  for (const username of usernames) tokens.set(username, await signInThroughApi(stack, username));
  const { seedStaffRequestProbes } = await import('../support/probes.ts');
  await seedStaffRequestProbes(stack);
  digestBefore = await tableDigest();
  const started = performance.now();
  // a few at a time: the stack answers in-process on a busy 2-core machine
  const queue = [...MUTATIONS];
  const workers = Array.from({ length: 4 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) outcomes.push(await send(next));
  });
  await Promise.all(workers);
  const byStatus = new Map<number, number>();
  for (const outcome of outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
  const kinds = new Map<string, number>();
  for (const mutation of MUTATIONS) kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
  console.log(
    `fuzz: ${ROUTES.length} routes, ${MUTATIONS.length} mutations (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) ` +
      `in ${Math.round(performance.now() - started)} ms; statuses ${[...byStatus]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; ` +
      `5xx ${outcomes.filter((o) => o.status >= 500).length}`,
  );
}, 600_000);

afterAll(async () => {
  await stack?.stop();
});

const describeOutcome = (o: Outcome) =>
  `${o.status} ${o.mutation.kind} ${o.mutation.route.method} ${o.mutation.route.path} ${o.mutation.field}${o.message ? ` — ${o.message.slice(0, 80)}` : ''}`;

describe('fuzz: every route refuses malformed input without a 5xx and without touching the data', () => {
  it('sends every mutation kind to every route it applies to', () => {
    expect(outcomes).toHaveLength(MUTATIONS.length);
    const covered = new Set(MUTATIONS.map((m) => `${m.route.method} ${m.route.path}`));
    expect(covered.size).toBe(ROUTES.length);
  });

  it('answers no mutation with a 5xx', () => {
    expect(outcomes.filter((o) => o.status >= 500).map(describeOutcome)).toEqual([]);
  });

  it('refuses every mutation (4xx) with a Korean message', () => {
    const bad = outcomes.filter((o) => o.status < 400 || o.status >= 500 || !/[가-힣]/.test(o.message ?? ''));
    expect(bad.map(describeOutcome)).toEqual([]);
  });

  it('leaves every item of the table as it was', async () => {
    const after = await tableDigest();
    const changed = [...new Set([...after.keys.keys(), ...digestBefore.keys.keys()])].filter(
      (key) => after.keys.get(key) !== digestBefore.keys.get(key),
    );
    expect(changed).toEqual([]);
    expect(after.count).toBe(digestBefore.count);
    expect(after.digest).toBe(digestBefore.digest);
  });
});
