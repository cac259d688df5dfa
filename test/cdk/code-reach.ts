import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../lib/paths.ts';

/**
 * What a Lambda's code can reach, read from its esbuild bundle: the code esbuild keeps after tree
 * shaking (our own modules only; packages stay external), unminified, so that each module's kept code
 * can be searched by name. The grants test compares this with what the function is granted, so that a
 * grant taken away from a function whose code still uses it fails here instead of on AWS.
 *
 * It is a static over-approximation: code that is kept is assumed to run (a router dispatches to every
 * route of its capability). Table writes are recognised where an entity is bound and written in the
 * same expression (`bindEntity(X).put(…)`), through a variable bound to it (`const u = bindEntity(X)`
 * then `u.patch(…)`), or handed to a write transaction (`writeAudited(…, { X }, …)`,
 * `createWriteTransaction({ X }, …)`), which are the three ways the repositories write.
 */
export interface CodeReach {
  /** model names (ElectroDB `model.entity`) of the entities the kept code uses */
  entities: Set<string>;
  /** the subset it writes */
  writes: Set<string>;
  /** the kept code sends a product SMS (an outbox message on the 'sms' channel) */
  sms: boolean;
  /** the kept code names the documents / uploads bucket */
  documents: boolean;
  uploads: boolean;
  /** KMS calls of functions/commons/pii.ts the kept code makes */
  pii: Set<'encrypt' | 'decrypt' | 'lookup'>;
  /** the kept code calls Step Functions / Cognito's administrative API / names the user pool */
  stepFunctions: boolean;
  userAdministration: boolean;
  /** the Cognito administrative API calls the kept code makes (`new AdminCreateUserCommand(` → AdminCreateUser) */
  adminCalls: Set<string>;
  userPool: boolean;
  /** string and template literals of the kept code that look like object keys (`seals/${id}/…` → `seals/`) */
  keyLiterals: string[];
}

const WRITE_METHODS = '(?:put|create|upsert|patch|update|remove|delete)';

/** Bundles every entry at once (fast: our code only) and reads what each one's kept code reaches. */
export async function codeReach(entries: readonly string[]): Promise<Map<string, CodeReach>> {
  const names = Object.fromEntries(entries.map((entry, index) => [`entry${index}`, entry]));
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: names,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    outdir: '/nonexistent',
    minify: false,
    packages: 'external',
    logLevel: 'error',
  });
  const reach = new Map<string, CodeReach>();
  for (const file of result.outputFiles) {
    const key = file.path.split('/').pop()!.replace(/\.js$/, '');
    const entry = names[key];
    if (entry) reach.set(entry, readBundle(file.text));
  }
  return reach;
}

function readBundle(text: string): CodeReach {
  // esbuild marks each module's code with `// functions/…/file.ts`; a module may come in several parts.
  const parts = text.split(/^\/\/ ((?:functions|test)\/\S+\.ts)$/m);
  const modules = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) modules.set(parts[i]!, (modules.get(parts[i]!) ?? '') + parts[i + 1]!);

  // `var Assistant = new Entity({ model: { entity: "assistant", …` (esbuild may rename the binding; an
  // entity declared pure is dropped from a bundle that never uses it)
  const entityOf = new Map<string, string>();
  for (const match of text.matchAll(
    /var (\w+) = (?:\/\* @__PURE__ \*\/ )?new Entity\d*\(\{\s*model: \{\s*entity: "(\w+)"/g,
  )) {
    entityOf.set(match[1]!, match[2]!);
  }

  const entities = new Set<string>();
  const writes = new Set<string>();
  for (const [path, code] of modules) {
    if (path.endsWith('/entities.ts')) continue;
    for (const [binding, entity] of entityOf) {
      const name = new RegExp(`\\b${binding}\\b`);
      if (!name.test(code)) continue;
      entities.add(entity);
      if (writesEntity(code, binding)) writes.add(entity);
    }
  }
  const kept = [...modules.values()].join('\n');
  const pii = new Set<'encrypt' | 'decrypt' | 'lookup'>();
  if (/\bencryptField\(/.test(kept)) pii.add('encrypt');
  if (/\bdecryptField\(/.test(kept)) pii.add('decrypt');
  if (/\bpiiKeys\(\)\.mac\(|\bkeys\.mac\(/.test(kept)) pii.add('lookup');
  return {
    entities,
    writes,
    sms: /channel: "sms"/.test(kept),
    documents: /ENV\.documentsBucket/.test(kept),
    uploads: /ENV\.uploadsBucket/.test(kept),
    pii,
    stepFunctions: /\bsfnClient\(\)/.test(kept),
    userAdministration: /new Admin\w+Command\(/.test(kept),
    adminCalls: new Set([...kept.matchAll(/new (Admin\w+)Command\(/g)].map((m) => m[1]!)),
    userPool: /ENV\.userPool/.test(kept),
    keyLiterals: [...new Set([...kept.matchAll(/[`"']([a-z][a-z0-9-]*\/[^`"'\s$]*)/g)].map((m) => m[1]!))],
  };
}

function writesEntity(code: string, binding: string): boolean {
  // bindEntity(X).put(…), also across a line break
  if (new RegExp(`bindEntity\\(${binding}\\)\\s*\\.${WRITE_METHODS}\\(`).test(code)) return true;
  // const u = bindEntity(X); … u.patch(…)
  for (const match of code.matchAll(new RegExp(`(\\w+) = bindEntity\\(${binding}\\)`, 'g'))) {
    if (new RegExp(`\\b${match[1]}\\s*\\.${WRITE_METHODS}\\(`).test(code)) return true;
  }
  // writeAudited(caller, event, { X, y: Y }, (…) => …) and createWriteTransaction({ X }, (…) => …)
  for (const match of code.matchAll(/\b(?:writeAudited|createWriteTransaction)\(([\s\S]*?)=>/g)) {
    if (new RegExp(`\\b${binding}\\b`).test(match[1]!)) return true;
  }
  return false;
}
