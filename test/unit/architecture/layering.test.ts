import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering of the code (README "Layering"), enforced on the import statements:
//   kernel (functions/kernel): pure domain vocabulary, imports nothing above it;
//   commons (functions/commons): shared helpers and the HTTP machinery, imports no capability;
//   capabilities (functions/<name>): import the kernel, commons, and each other in one direction only
//     (no cycle), and of another capability only its contract, rules and code lists;
//   edge (functions/capabilities.ts, functions/workflows.ts, lib/, web/src): the web imports contracts,
//     rules and code lists, never entities, repositories or the AWS SDK.

// ── Temporary allow-lists. Each entry is an import that breaks a rule today, with the reason it is
// still here. The integrator empties them after merging the issue-14 branches; an entry that is no
// longer needed fails the test, so the lists can only shrink.

/** Capability → module imports left out of the cycle check (a): the kernel move removes them. */
const CYCLE_EDGES_UNTIL_MERGE: Record<string, string> = {};

/** Commons files importing a capability (c). */
const COMMONS_IMPORTS_UNTIL_MERGE: Record<string, string> = {};

/** Web files importing an entity of functions/ (d): the contract branches type these screens from contracts. */
const WEB_ENTITY_IMPORTS_UNTIL_MERGE: Record<string, string> = {};

const RATES_READ = 'reads the rate tables through the rates repository (issue 14 point 2); a read port replaces it';
const DATA_READ = 'reads or writes another capability’s data directly; to go through the owner’s contract';
const TYPE_READ = 'types another capability’s items by its entity; to use the owner’s contract types';

/**
 * Capability → another capability's entities or repository (e). These predate issue 14's contracts; the
 * owner of each pair moves the read behind its contract. Listed so that no new one comes in unseen.
 */
const FOREIGN_DATA_IMPORTS_UNTIL_CONTRACTS: Record<string, string> = {
  'activity -> agencies/repository': DATA_READ,
  'activity -> applications/repository': DATA_READ,
  'activity -> assistants/entities': TYPE_READ,
  'activity -> assistants/repository': DATA_READ,
  'activity -> files/repository': DATA_READ,
  'activity -> identity/repository': DATA_READ,
  'activity -> matching/entities': TYPE_READ,
  'activity -> matching/repository': DATA_READ,
  'agencies -> files/repository': DATA_READ,
  'applications -> agencies/repository': DATA_READ,
  'applications -> identity/repository': DATA_READ,
  'applications -> rates/repository': RATES_READ,
  'assistants -> agencies/repository': DATA_READ,
  'assistants -> applications/repository': DATA_READ,
  'assistants -> files/repository': DATA_READ,
  'assistants -> identity/repository': DATA_READ,
  'attendance -> activity/entry-repository': DATA_READ,
  'attendance -> agencies/repository': DATA_READ,
  'attendance -> assistants/repository': DATA_READ,
  'attendance -> files/repository': DATA_READ,
  'attendance -> rates/repository': RATES_READ,
  'claims -> activity/entry-repository': DATA_READ,
  'claims -> agencies/entities': TYPE_READ,
  'claims -> agencies/repository': DATA_READ,
  'claims -> rates/repository': RATES_READ,
  'identity -> agencies/repository': DATA_READ,
  'identity -> files/repository': DATA_READ,
  'leave -> activity/entities': DATA_READ,
  'leave -> agencies/repository': DATA_READ,
  'leave -> assistants/entities': TYPE_READ,
  'leave -> assistants/repository': DATA_READ,
  'leave -> matching/entities': TYPE_READ,
  'leave -> matching/repository': DATA_READ,
  'matching -> agencies/entities': TYPE_READ,
  'matching -> agencies/repository': DATA_READ,
  'matching -> applications/entities': DATA_READ,
  'matching -> applications/repository': DATA_READ,
  'matching -> assistants/entities': DATA_READ,
  'matching -> assistants/repository': DATA_READ,
  'payroll -> agencies/entities': TYPE_READ,
  'payroll -> agencies/repository': DATA_READ,
  'payroll -> assistants/entities': TYPE_READ,
  'payroll -> assistants/repository': DATA_READ,
};

// ── Reading the imports

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FUNCTIONS = 'functions';
const BELOW_CAPABILITIES = new Set(['kernel', 'commons']);
/** node built-ins the kernel may use: pure computation, no file system, network or processes */
const PURE_BUILTINS = new Set(['node:crypto', 'node:util', 'node:assert']);
/** packages the kernel may use: pure (the zod fields of the shared vocabulary) */
const PURE_PACKAGES = new Set(['zod']);

interface Import {
  /** repository-relative path of the importing file, without .ts */
  from: string;
  /** as written */
  specifier: string;
  /** repository-relative path without .ts when it is a file of this repository; else the package name */
  to: string;
  local: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const ALIASES: [string, string][] = [
  ['#kernel/', 'functions/kernel/'],
  ['#commons/', 'functions/commons/'],
  ['#functions/', 'functions/'],
  ['#lib/', 'lib/'],
  ['#local/', 'local/'],
];

const withoutTs = (path: string) => path.replace(/\.ts$/, '');

function resolveSpecifier(file: string, specifier: string): { to: string; local: boolean } {
  for (const [alias, target] of ALIASES) {
    if (specifier.startsWith(alias)) return { to: withoutTs(target + specifier.slice(alias.length)), local: true };
  }
  if (specifier.startsWith('.')) {
    return { to: withoutTs(relative(ROOT, resolve(ROOT, dirname(file), specifier))), local: true };
  }
  const bare = specifier.startsWith('node:')
    ? specifier
    : `${builtinModules.includes(specifier) ? 'node:' : ''}${specifier}`;
  return { to: bare, local: false };
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  // comments out, so an example in a comment is no import
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/^\s*\/\*[\s\S]*?\*\//gm, '')
    .replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(IMPORT)].map((m) => {
    const specifier = (m[1] ?? m[2] ?? m[3])!;
    return { from: withoutTs(file), specifier, ...resolveSpecifier(file, specifier) };
  });
}

/** functions/<capability>/… → capability; undefined for the kernel, commons, the edge files and anything else */
function capabilityOf(path: string): string | undefined {
  const [top, name, ...rest] = path.split('/');
  if (top !== FUNCTIONS || !name || rest.length === 0 || BELOW_CAPABILITIES.has(name)) return undefined;
  return name;
}

/**
 * A capability's handler.ts is its Lambda's entry: the edge, where ports are plugged in (assistants'
 * count of active matchings comes from matching there), so its imports are not the capability's.
 */
const importingCapability = (path: string) => (/\/handler$/.test(path) ? undefined : capabilityOf(path));

/** path inside its capability folder: functions/claims/engine/calendar → claims/engine/calendar */
const inFunctions = (path: string) => path.slice(FUNCTIONS.length + 1);

const isDataFile = (path: string) => /\/(entities|repository)$|-repository$/.test(path);

const ALL = [...sourceFiles(FUNCTIONS), ...sourceFiles('web/src')].flatMap(importsOf);

// ── The graph of capabilities

function stronglyConnected(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components;
}

/** One cycle through a component, for the failure message: a → b → … → a. */
function cycleIn(component: string[], graph: Map<string, Set<string>>): string {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start].join(' → ');
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.join(', ');
}

/** The capability → capability imports, with the modules behind each edge. */
function capabilityEdges(skip: Record<string, string>): {
  graph: Map<string, Set<string>>;
  via: Map<string, string[]>;
  skipped: Set<string>;
} {
  const graph = new Map<string, Set<string>>();
  const via = new Map<string, string[]>();
  const skipped = new Set<string>();
  for (const i of ALL) {
    const from = importingCapability(i.from);
    const to = i.local ? capabilityOf(i.to) : undefined;
    if (!from || !to || from === to) continue;
    const key = `${from} -> ${inFunctions(i.to)}`;
    if (skip[key]) {
      skipped.add(key);
      continue;
    }
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
    via.set(`${from} -> ${to}`, [...(via.get(`${from} -> ${to}`) ?? []), `${i.from} imports ${i.specifier}`]);
  }
  return { graph, via, skipped };
}

function stale(list: Record<string, string>, used: Set<string>): string[] {
  return Object.keys(list).filter((key) => !used.has(key));
}

describe('layering', () => {
  it('(a) capabilities import each other in no cycle', () => {
    const { graph, via, skipped } = capabilityEdges(CYCLE_EDGES_UNTIL_MERGE);
    const cycles = stronglyConnected(graph)
      .filter((component) => component.length > 1)
      .map((component) => {
        const cycle = cycleIn(component, graph);
        const steps = cycle.split(' → ');
        const why = steps.slice(1).map((to, k) => `  ${steps[k]} -> ${to}: ${via.get(`${steps[k]} -> ${to}`)![0]}`);
        return [`{${component.join(', ')}}: ${cycle}`, ...why].join('\n');
      });
    expect(cycles, 'capabilities in a cycle (pick one direction; see README "Layering")').toEqual([]);
    expect(stale(CYCLE_EDGES_UNTIL_MERGE, skipped), 'no longer imported: remove from CYCLE_EDGES_UNTIL_MERGE').toEqual(
      [],
    );
  });

  it('(b) the kernel imports only the kernel, pure node built-ins and pure packages', () => {
    const outside = ALL.filter((i) => i.from.startsWith('functions/kernel/'))
      .filter((i) =>
        i.local ? !i.to.startsWith('functions/kernel/') : !PURE_BUILTINS.has(i.to) && !PURE_PACKAGES.has(i.to),
      )
      .map((i) => `${i.from} imports ${i.specifier}`);
    expect(outside, 'functions/kernel stands on nothing above it').toEqual([]);
  });

  it('(c) commons imports no capability', () => {
    const used = new Set<string>();
    const found = ALL.filter((i) => i.from.startsWith('functions/commons/') && i.local && capabilityOf(i.to))
      .map((i) => `${i.from} -> ${i.to}`)
      .filter((key) => {
        if (!COMMONS_IMPORTS_UNTIL_MERGE[key]) return true;
        used.add(key);
        return false;
      });
    expect(found, 'commons sits below every capability').toEqual([]);
    expect(stale(COMMONS_IMPORTS_UNTIL_MERGE, used), 'remove from COMMONS_IMPORTS_UNTIL_MERGE').toEqual([]);
  });

  it('(d) the web imports no entity, repository or AWS SDK', () => {
    const used = new Set<string>();
    const found = ALL.filter((i) => i.from.startsWith('web/src/'))
      .filter((i) => (i.local ? i.to.startsWith('functions/') && isDataFile(i.to) : /^(@aws-sdk\/|aws-sdk)/.test(i.to)))
      .map((i) => `${i.from} -> ${i.to}`)
      .filter((key) => {
        if (!WEB_ENTITY_IMPORTS_UNTIL_MERGE[key]) return true;
        used.add(key);
        return false;
      });
    expect(found, 'the web imports contracts, rules and code lists (#functions/<capability>/contract)').toEqual([]);
    expect(stale(WEB_ENTITY_IMPORTS_UNTIL_MERGE, used), 'remove from WEB_ENTITY_IMPORTS_UNTIL_MERGE').toEqual([]);
  });

  it('(e) a capability imports of another only its contract, rules and code lists', () => {
    const used = new Set<string>();
    const found = [
      ...new Set(
        ALL.filter((i) => {
          const from = importingCapability(i.from);
          const to = i.local ? capabilityOf(i.to) : undefined;
          return from && to && from !== to && isDataFile(i.to);
        }).map((i) => `${importingCapability(i.from)} -> ${inFunctions(i.to)}`),
      ),
    ]
      .filter((key) => {
        if (!FOREIGN_DATA_IMPORTS_UNTIL_CONTRACTS[key]) return true;
        used.add(key);
        return false;
      })
      .sort();
    expect(found, 'another capability’s entities or repository').toEqual([]);
    expect(
      stale(FOREIGN_DATA_IMPORTS_UNTIL_CONTRACTS, used),
      'remove from FOREIGN_DATA_IMPORTS_UNTIL_CONTRACTS',
    ).toEqual([]);
  });

  it('(f) no capability imports claims: claims sits on top and reads the others (issue 14 point 2)', () => {
    const found = ALL.filter((i) => {
      const from = importingCapability(i.from);
      return from && from !== 'claims' && i.local && capabilityOf(i.to) === 'claims';
    }).map((i) => `${i.from} imports ${i.specifier}`);
    expect(
      found,
      'what another capability needs of claims is plugged in at its handler (see payroll/month-figures.ts)',
    ).toEqual([]);
  });

  it('(g) a screen folder imports no other capability’s screens, and the page toolkit imports none', () => {
    const capabilities = new Set(
      readdirSync(join(ROOT, FUNCTIONS)).filter((n) => !n.includes('.') && !BELOW_CAPABILITIES.has(n)),
    );
    const screenFolder = (path: string) => {
      const [web, src, folder, ...rest] = path.split('/');
      return web === 'web' && src === 'src' && folder && rest.length > 0 ? folder : undefined;
    };
    const shared = new Set(['core', 'components', 'shell']);
    const found = ALL.filter((i) => {
      const from = screenFolder(i.from);
      const to = i.local ? screenFolder(i.to) : undefined;
      if (!from || !to || from === to || !capabilities.has(to)) return false;
      return capabilities.has(from) || shared.has(from);
    }).map((i) => `${i.from} imports ${i.specifier}`);
    expect(found, 'what two capabilities’ screens share lives in web/src/core, components or shell').toEqual([]);
  });

  it('would see a cycle and name it', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    const components = stronglyConnected(graph).filter((c) => c.length > 1);
    expect(components).toEqual([['a', 'b', 'c']]);
    expect(cycleIn(components[0]!, graph)).toBe('a → b → c → a');
  });

  it('reads every kind of import', () => {
    expect(resolveSpecifier('functions/claims/compute.ts', '#functions/rates/rules')).toEqual({
      to: 'functions/rates/rules',
      local: true,
    });
    expect(resolveSpecifier('functions/identity/staff-routes.ts', '../files/repository.ts')).toEqual({
      to: 'functions/files/repository',
      local: true,
    });
    expect(resolveSpecifier('functions/kernel/clock.ts', 'fs').to).toBe('node:fs');
    expect(isDataFile('functions/claims/claim-repository')).toBe(true);
    expect(isDataFile('functions/rates/contract')).toBe(false);
    const sample =
      "import type { A } from './a.ts';\nexport { b } from '#kernel/b';\nconst c = await import('./c.ts');";
    expect([...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3])).toEqual(['./a.ts', '#kernel/b', './c.ts']);
  });
});
