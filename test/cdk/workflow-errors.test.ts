import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as workflowErrors from '#functions/claims/workflow-errors';
import { WORKFLOW_ERROR_NAMES } from '#functions/claims/workflow-errors';

// The state machines catch and refuse to retry the tasks' errors by name: a name spelled differently
// in an ASL file and in the code would silently turn a clean failure into retries. Every name the
// ASL files use is defined once (functions/claims/workflow-errors.ts), and every defined one is used.

const ASL_DIR = join(import.meta.dirname, '../../statemachines');

function errorNames(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const child of node) errorNames(child, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ErrorEquals' && Array.isArray(value)) for (const name of value) into.add(String(name));
      else errorNames(value, into);
    }
  }
  return into;
}

const files = readdirSync(ASL_DIR).filter((file) => file.endsWith('.asl.json'));
const used = new Set<string>();
for (const file of files) errorNames(JSON.parse(readFileSync(join(ASL_DIR, file), 'utf8')), used);
// the states language's own errors (States.ALL, States.TaskFailed…) are not ours
const ours = [...used].filter((name) => !name.startsWith('States.')).sort();

describe('workflow errors', () => {
  it('finds the state machines', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('every error an ASL file catches or retries is defined in workflow-errors.ts', () => {
    expect(ours.filter((name) => !(WORKFLOW_ERROR_NAMES as readonly string[]).includes(name))).toEqual([]);
  });

  it('every defined workflow error is caught in some ASL file', () => {
    expect(WORKFLOW_ERROR_NAMES.filter((name) => !used.has(name))).toEqual([]);
  });

  it('each name is the name its class throws with', () => {
    for (const name of WORKFLOW_ERROR_NAMES) {
      const ErrorClass = (workflowErrors as unknown as Record<string, new (message: string) => Error>)[name];
      expect(ErrorClass, name).toBeTypeOf('function');
      expect(ErrorClass && new ErrorClass('x').name).toBe(name);
    }
  });
});
