import { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '#commons/config';
import { CAPABILITIES } from '#functions/capabilities';
import { WORKFLOWS } from '#functions/workflows';
import { CAPABILITY_GRANTS, WORKFLOW_GRANTS } from '../../lib/api/capability-grants.ts';
import { type FunctionGrants, mergeGrants, tableEntities } from '../../lib/constructs/function-grants.ts';
import type { ServiceFunction } from '../../lib/constructs/service-function.ts';
import { USER_ADMINISTRATION_ACTIONS } from '../../lib/identity/identity.ts';
import type { PlatformStack } from '../../lib/platform-stack.ts';
import { type AnyEntity, leadingKeyPatterns, partitionKeyPrefix } from '../../lib/storage/table.ts';
import { type CodeReach, codeReach } from './code-reach.ts';
import { logicalId, removeTempDirs, type SynthesizedPlatform, synthPlatform } from './support.ts';

// Every Lambda of the product may reach exactly what lib/api/capability-grants.ts declares for it, and
// its code needs exactly that: its synthesized IAM policies are compared with an independent reading of
// its declaration, and its bundled code with the declaration.

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
type Resource = { Type: string; Properties: Record<string, unknown> };

interface ProductFunction {
  /** e.g. `router surveys`, `task functions/claims/tasks/compute-claim.ts` */
  label: string;
  /** the handler file */
  entry: string;
  fn: ServiceFunction;
  grants: FunctionGrants;
  /** state machines it starts / answers the task tokens of (WorkflowDefinition.usedBy, schedules) */
  starts: string[];
  answers: string[];
  /** an API router all of whose routes are public: the edge never reads a caller's profile for it */
  allPublic: boolean;
}

let platform: SynthesizedPlatform;
let stack: PlatformStack;
let resources: Record<string, Resource>;
let functions: ProductFunction[];
beforeAll(() => {
  platform = synthPlatform('dev', { bundle: false });
  stack = platform.stack;
  resources = platform.template.toJSON().Resources as Record<string, Resource>;
  functions = productFunctions(stack);
}, 240_000);
afterAll(removeTempDirs);

function productFunctions(stack: PlatformStack): ProductFunction[] {
  const list: ProductFunction[] = [];
  for (const capability of CAPABILITIES) {
    const starts = WORKFLOWS.filter((w) => w.usedBy?.includes(capability.name)).map((w) => w.name);
    list.push({
      label: `router ${capability.name}`,
      entry: capability.entry,
      fn: stack.api.functions.get(capability.name)!,
      grants: CAPABILITY_GRANTS[capability.name]!.router,
      starts,
      answers: starts,
      allPublic: capability.routes.every((route) => route.access === 'public'),
    });
    if (capability.uploadEvents) {
      list.push({
        label: `upload handler ${capability.name}`,
        entry: capability.uploadEvents.entry,
        fn: stack.uploadTriggers.functions.get(capability.name)!,
        grants: CAPABILITY_GRANTS[capability.name]!.uploads!,
        starts: [],
        answers: [],
        allPublic: false,
      });
    }
  }
  const tasks = new Map<string, FunctionGrants[]>();
  for (const workflow of WORKFLOWS) {
    for (const [key, entry] of Object.entries(workflow.tasks)) {
      tasks.set(entry, [...(tasks.get(entry) ?? []), WORKFLOW_GRANTS[workflow.name]!.tasks[key]!]);
    }
    if (workflow.schedule) {
      list.push({
        label: `schedule ${workflow.name}`,
        entry: workflow.schedule.handler,
        fn: stack.workflows.scheduleFunctions.get(workflow.name)!,
        grants: WORKFLOW_GRANTS[workflow.name]!.schedule!,
        starts: [workflow.name],
        answers: [],
        allPublic: false,
      });
    }
  }
  for (const [entry, grants] of tasks) {
    list.push({
      label: `task ${entry}`,
      entry,
      fn: stack.workflows.taskFunctions.get(entry)!,
      grants: mergeGrants(grants),
      starts: [],
      answers: [],
      allPublic: false,
    });
  }
  return list;
}

// ── synthesized policies, one (effect, action, resource, condition) at a time ──────────────────────────

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(sortDeep).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortDeep(v)]),
    );
  }
  return value;
}

function permissions(statements: Statement[]): string[] {
  return statements
    .flatMap((s) =>
      [s.Action]
        .flat()
        .flatMap((action) =>
          [s.Resource]
            .flat()
            .map((resource) => JSON.stringify([s.Effect, action, resource, sortDeep(s.Condition ?? null)])),
        ),
    )
    .sort();
}

function statementsOfRole(roleId: string): Statement[] {
  return Object.values(resources)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
    )
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function granted(fn: ServiceFunction): string[] {
  return [...new Set(permissions(statementsOfRole(logicalId(fn.role!))))].sort();
}

// ── what a declaration means, written out independently of the code that grants it ──────────────────

/**
 * ElectroDB's default partition key is `$<service>#<first key attribute, lower case>_<value>…`; the
 * pattern matches its `$` with `?` (one character), which IAM can never read as a policy variable.
 */
function keyPattern(entity: AnyEntity): string {
  const indexes = Object.values(
    entity.schema.indexes as Record<string, { index?: string; pk: { composite: string[] } }>,
  );
  const primary = indexes.find((index) => !index.index)!;
  return `?${entity.schema.model.service}#${primary.pk.composite[0]!.toLowerCase()}_*`;
}

/** IAM's StringLike: `*` any run of characters, `?` any one character, everything else itself. */
function stringLike(pattern: string, value: string): boolean {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

function onKeys(entities: AnyEntity[]) {
  return { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...new Set(entities.map(keyPattern))] } };
}

function expected(f: ProductFunction): string[] {
  const r = (token: string) => Stack.of(f.fn).resolve(token);
  const table = stack.resources.table.table.tableArn;
  const { documents, uploads } = stack.resources.store;
  const statements: Statement[] = [
    { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: r(f.fn.logGroup.logGroupArn) },
    { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
  ];
  const g = f.grants;
  const { read } = tableEntities(g);
  if (read.length > 0) {
    statements.push({
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
      Resource: r(table),
      Condition: onKeys(read),
    });
    const indexes = new Set(
      read.flatMap((e) => Object.values(e.schema.indexes as Record<string, { index?: string }>).map((i) => i.index)),
    );
    for (const index of indexes) {
      if (index) statements.push({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: r(`${table}/index/${index}`) });
    }
  }
  if (g.table?.write?.length) {
    statements.push({
      Effect: 'Allow',
      Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      Resource: r(table),
      Condition: onKeys([...g.table.write]),
    });
  }
  if (g.table?.put?.length) {
    statements.push({
      Effect: 'Allow',
      Action: 'dynamodb:PutItem',
      Resource: r(table),
      Condition: onKeys([...g.table.put]),
    });
  }
  const objects = (bucket: typeof documents, action: string, prefixes: readonly string[] = []) => {
    for (const prefix of prefixes)
      statements.push({ Effect: 'Allow', Action: action, Resource: r(`${bucket.bucketArn}/${prefix}*`) });
  };
  objects(documents, 's3:GetObject', g.documents?.read);
  objects(documents, 's3:PutObject', g.documents?.write);
  if (g.documents?.probe)
    statements.push({ Effect: 'Allow', Action: 's3:ListBucket', Resource: r(documents.bucketArn) });
  const pending = (purposes: readonly string[] = []) => purposes.map((purpose) => `pending/${purpose}/`);
  objects(uploads, 's3:PutObject', pending(g.uploads?.sign));
  objects(uploads, 's3:GetObject', pending(g.uploads?.read));
  objects(uploads, 's3:DeleteObject', pending(g.uploads?.remove));
  if (g.uploads?.read?.length)
    statements.push({ Effect: 'Allow', Action: 's3:ListBucket', Resource: r(uploads.bucketArn) });
  const { dataKey, macKey } = stack.resources.piiKey;
  const pii = g.residentNumbers ?? [];
  if (pii.includes('encrypt'))
    statements.push({ Effect: 'Allow', Action: 'kms:GenerateDataKey', Resource: r(dataKey.keyArn) });
  if (pii.includes('decrypt')) statements.push({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: r(dataKey.keyArn) });
  if (pii.includes('lookup'))
    statements.push({ Effect: 'Allow', Action: 'kms:GenerateMac', Resource: r(macKey.keyArn) });
  if (g.sms) statements.push({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' });
  if (g.userPool === 'administer') {
    statements.push({
      Effect: 'Allow',
      Action: [...USER_ADMINISTRATION_ACTIONS],
      Resource: r(stack.resources.identity.userPool.userPoolArn),
    });
  }
  const machine = (name: string) => r(stack.workflows.stateMachines.get(name)!.stateMachineArn);
  for (const name of f.starts)
    statements.push({ Effect: 'Allow', Action: 'states:StartExecution', Resource: machine(name) });
  for (const name of f.answers) {
    statements.push({
      Effect: 'Allow',
      Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
      Resource: machine(name),
    });
  }
  return [...new Set(permissions(statements))].sort();
}

describe('every function', () => {
  it('is one of the product functions listed here, each with a declaration', () => {
    const all = platform.template.findResources('AWS::Lambda::Function');
    const product = Object.entries(all).filter(
      ([, fn]) =>
        (fn as Resource).Properties.Environment !== undefined && JSON.stringify(fn).includes('POWERTOOLS_SERVICE_NAME'),
    );
    expect(functions.map((f) => logicalId(f.fn)).sort()).toEqual(product.map(([id]) => id).sort());
    for (const f of functions) expect(f.grants, f.label).toBeDefined();
  });

  it('is granted exactly what its declaration names, and nothing outside it', () => {
    for (const f of functions) {
      const actual = granted(f.fn);
      const wanted = expected(f);
      expect(
        actual.filter((p) => !wanted.includes(p)),
        `${f.label}: granted beyond its declaration`,
      ).toEqual([]);
      expect(
        wanted.filter((p) => !actual.includes(p)),
        `${f.label}: declared but not granted`,
      ).toEqual([]);
    }
  });

  it('receives only the variables of what it may use (and its stage)', () => {
    for (const f of functions) {
      const variables = (resources[logicalId(f.fn)]!.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      const g = f.grants;
      const wanted = [
        ENV.stage,
        ...(g.table ? [ENV.tableName] : []),
        ...(g.documents ? [ENV.documentsBucket] : []),
        ...(g.uploads ? [ENV.uploadsBucket] : []),
        ...(g.residentNumbers?.length ? [ENV.piiKeyId, ENV.piiMacKeyId] : []),
        ...(g.userPool ? [ENV.userPoolId, ENV.userPoolClientId] : []),
      ].sort();
      const present = (Object.values(ENV) as string[]).filter((name) => variables[name] !== undefined).sort();
      expect(present, f.label).toEqual(wanted);
    }
  });
});

describe('the single table', () => {
  it('is never written or read without a partition-key condition, never scanned, never wholesale', () => {
    const table = logicalId(stack.resources.table.table);
    const onTable = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => JSON.stringify(s.Resource).includes(table));
    expect(onTable.length).toBeGreaterThan(0);
    for (const s of onTable) {
      const actions = [s.Action].flat();
      expect(
        actions.some((a) => a === 'dynamodb:*' || a === 'dynamodb:Scan' || a.endsWith('*')),
        JSON.stringify(s),
      ).toBe(false);
      const indexOnly = JSON.stringify(s.Resource).includes('/index/');
      if (indexOnly) expect(actions).toEqual(['dynamodb:Query']);
      else
        expect(s.Condition, JSON.stringify(s)).toMatchObject({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': expect.any(Array) },
        });
    }
  });

  it('keys every entity as the LeadingKeys patterns expect (ElectroDB builds the keys)', () => {
    const entities = new Set<AnyEntity>();
    for (const f of functions)
      for (const e of [...tableEntities(f.grants).read, ...tableEntities(f.grants).write]) entities.add(e);
    expect(entities.size).toBeGreaterThan(20);
    for (const entity of entities) {
      const name = entity.schema.model.entity as string;
      expect(leadingKeyPatterns([entity]), name).toEqual([keyPattern(entity)]);
      expect(partitionKeyPrefix(entity).startsWith('$'), name).toBe(true);
      // a real key of the entity, as ElectroDB writes it, matches the pattern
      const indexes = entity.schema.indexes as Record<string, { index?: string; pk: { composite: string[] } }>;
      const [pattern, primary] = Object.entries(indexes).find(([, index]) => !index.index)!;
      const keys = Object.fromEntries(primary.pk.composite.map((attribute) => [attribute, 'Some-Value_1']));
      const query = (entity.query as Record<string, (k: object) => { params(o: object): unknown }>)[pattern]!(keys);
      const pk = (query.params({ table: 't' }) as { ExpressionAttributeValues: Record<string, string> })
        .ExpressionAttributeValues[':pk']!;
      expect(stringLike(keyPattern(entity), pk), `${name}: ${pk}`).toBe(true);
      // and a key of another kind does not
      expect(stringLike(keyPattern(entity), pk.replace('#', '#x')), `${name}: ${pk}`).toBe(false);
    }
  });
});

describe('personal data', () => {
  const keyArns = () => [stack.resources.piiKey.dataKey, stack.resources.piiKey.macKey].map((key) => logicalId(key));

  it('the resident-number key and the MAC key are usable only by the assistants router, which handles resident numbers', () => {
    const roles = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) => keyArns().some((key) => JSON.stringify(r.Properties.PolicyDocument).includes(key)))
      .flatMap((r) => (r.Properties.Roles as { Ref: string }[]).map((role) => role.Ref));
    const handlers = functions.filter((f) => f.grants.residentNumbers?.length);
    expect(handlers.map((f) => f.label)).toEqual(['router assistants']);
    expect([...new Set(roles)]).toEqual([logicalId(handlers[0]!.fn.role!)]);
    const withKeyIds = functions.filter((f) => JSON.stringify(resources[logicalId(f.fn)]).includes(ENV.piiKeyId));
    expect(withKeyIds.map((f) => f.label)).toEqual(['router assistants']);
  });

  it('lets it generate data keys, decrypt and compute lookup hashes, nothing else with the keys', () => {
    const assistants = functions.find((f) => f.label === 'router assistants')!;
    const kms = granted(assistants.fn)
      .map((p) => JSON.parse(p) as [string, string, unknown])
      .filter(([, action]) => action.startsWith('kms:'))
      .map(([, action]) => action)
      .sort();
    expect(kms).toEqual(['kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateMac']);
  });
});

describe('the public page-feedback (surveys) function', () => {
  it('may only put a PageFeedback item: PutItem on its partition keys, no read, no index, no bucket, no key', () => {
    const surveys = functions.find((f) => f.label === 'router surveys')!;
    const beyondLogs = granted(surveys.fn)
      .map((p) => JSON.parse(p) as [string, string, unknown, unknown])
      .filter(([, action]) => !action.startsWith('logs:') && !action.startsWith('xray:'));
    expect(beyondLogs).toEqual([
      [
        'Allow',
        'dynamodb:PutItem',
        { 'Fn::GetAtt': [logicalId(stack.resources.table.table), 'Arn'] },
        { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['?kead#feedbackid_*'] } },
      ],
    ]);
  });
});

// Routers that tell people something by SMS (sign-in steps and staff decisions, a consent request to a
// worker, an application's steps, a matching, an activity application's decision, a leave-promotion
// notice, an issued pay slip); no other function may publish to SNS.
const SMS_ROUTERS = ['identity', 'activity', 'applications', 'assistants', 'matching', 'leave', 'payroll', 'training'];

describe('SNS and Cognito', () => {
  it('only the routers that send product SMS may publish to SNS', () => {
    const publishers = functions.filter((f) => granted(f.fn).some((p) => p.includes('"sns:Publish"')));
    expect(publishers.map((f) => f.label).sort()).toEqual(SMS_ROUTERS.map((name) => `router ${name}`).sort());
  });

  it('only the identity router may administer Cognito users', () => {
    const admins = functions.filter((f) => granted(f.fn).some((p) => p.includes('cognito-idp:Admin')));
    expect(admins.map((f) => f.label)).toEqual(['router identity']);
  });
});

describe('what the code uses (its esbuild bundle) and what it is declared', () => {
  let reach: Map<string, CodeReach>;
  beforeAll(async () => {
    reach = await codeReach([...new Set(functions.map((f) => f.entry))]);
  }, 120_000);

  const entityNames = (entities: readonly AnyEntity[]) => new Set(entities.map((e) => keyPattern(e)));
  const entityByModelName = () => {
    const map = new Map<string, AnyEntity>();
    for (const f of functions) {
      for (const e of [...tableEntities(f.grants).read, ...tableEntities(f.grants).write])
        map.set(e.schema.model.entity, e);
    }
    return map;
  };

  it('finds the facts it is built on (the reading of the bundle works)', () => {
    const of = (label: string) => reach.get(functions.find((f) => f.label === label)!.entry)!;
    expect([...of('router assistants').pii].sort()).toEqual(['decrypt', 'encrypt', 'lookup']);
    expect([...of('router surveys').writes]).toEqual(['pageFeedback']);
    expect(of('router identity').userAdministration).toBe(true);
    // every administrative call its code makes is granted, and nothing it never calls (sign-out's
    // AdminUserGlobalSignOut would otherwise be refused on AWS while the local emulator allows it)
    expect([...of('router identity').adminCalls].sort()).toEqual(
      USER_ADMINISTRATION_ACTIONS.map((action) => action.replace('cognito-idp:', '')).sort(),
    );
    expect(of('router activity').documents && of('router activity').uploads && of('router activity').sms).toBe(true);
    expect(of('router claims').stepFunctions).toBe(true);
  });

  it('declares every entity the code reads or writes, and no entity it never uses', () => {
    const byName = entityByModelName();
    for (const f of functions) {
      const code = reach.get(f.entry)!;
      // the edge reads the caller's UserProfile only for routes that need a token
      const used = [...code.entities].filter((name) => !(f.allPublic && name === 'userProfile'));
      for (const name of used) expect(byName.has(name), `${f.label} uses ${name}, which nothing declares`).toBe(true);
      const usedKeys = entityNames(used.map((name) => byName.get(name)!));
      const writtenKeys = entityNames([...code.writes].map((name) => byName.get(name)!));
      const { read, write } = tableEntities(f.grants);
      const declaredKeys = entityNames([...read, ...write]);
      const declaredWriteKeys = entityNames(write);
      expect(
        [...usedKeys].filter((k) => !declaredKeys.has(k)),
        `${f.label}: used but not declared`,
      ).toEqual([]);
      expect(
        [...writtenKeys].filter((k) => !declaredWriteKeys.has(k)),
        `${f.label}: written but not declared`,
      ).toEqual([]);
      expect(
        [...declaredKeys].filter((k) => !usedKeys.has(k)),
        `${f.label}: declared but never used`,
      ).toEqual([]);
    }
  });

  it('declares SMS, documents, uploads, resident numbers, user administration and workflows exactly where the code uses them', () => {
    for (const f of functions) {
      const code = reach.get(f.entry)!;
      const g = f.grants;
      expect(!!g.sms, `${f.label} sms`).toBe(code.sms);
      expect(!!g.documents, `${f.label} documents`).toBe(code.documents);
      expect(!!g.uploads, `${f.label} uploads`).toBe(code.uploads);
      expect([...(g.residentNumbers ?? [])].sort(), `${f.label} resident numbers`).toEqual([...code.pii].sort());
      expect(g.userPool === 'administer', `${f.label} user administration`).toBe(code.userAdministration);
      expect(!!g.userPool, `${f.label} user pool`).toBe(code.userPool);
      expect(f.starts.length > 0, `${f.label} step functions`).toBe(code.stepFunctions);
    }
  });

  it('names document key prefixes its code builds keys under', () => {
    for (const f of functions) {
      const code = reach.get(f.entry)!;
      for (const prefix of [...(f.grants.documents?.read ?? []), ...(f.grants.documents?.write ?? [])]) {
        expect(
          code.keyLiterals.some((literal) => literal.startsWith(prefix)),
          `${f.label}: ${prefix}`,
        ).toBe(true);
      }
    }
  });
});

describe('the declarations', () => {
  it('name only capabilities and workflows that exist, and every one of them', () => {
    expect(Object.keys(CAPABILITY_GRANTS).sort()).toEqual(CAPABILITIES.map((c) => c.name).sort());
    expect(Object.keys(WORKFLOW_GRANTS).sort()).toEqual(WORKFLOWS.map((w) => w.name).sort());
    for (const capability of CAPABILITIES) {
      expect(!!CAPABILITY_GRANTS[capability.name]!.uploads, capability.name).toBe(!!capability.uploadEvents);
    }
    for (const workflow of WORKFLOWS) {
      expect(Object.keys(WORKFLOW_GRANTS[workflow.name]!.tasks).sort()).toEqual(Object.keys(workflow.tasks).sort());
      expect(!!WORKFLOW_GRANTS[workflow.name]!.schedule, workflow.name).toBe(!!workflow.schedule);
    }
  });

  it('leave no unacknowledged cdk-nag finding', () => {
    expect(platform.findings).toEqual([]);
  });
});
