import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteSpec } from '#commons/http/route';
import { CAPABILITIES } from '#functions/capabilities';

// Security issue, point 6: bad input never reaches the database. Every string a request carries —
// path parameter, query value, body field — is bounded and shaped by its route's schema: a maximum
// length, and a list of values or a pattern that refuses control characters and bidirectional
// overrides (the kernel's idField, tokenField, textField, dayField, monthField, timeOfDayField).
// Every list is bounded too. test/integration/fuzz.test.ts sends the malformed values themselves.

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema documents of many shapes, walked generically
type Schema = any;

/** The longest text any field takes (a matching's special notes). */
const LONGEST_TEXT = 20_000;
/** A path parameter or a query value is an id, a date, a number or a search term: short. */
const LONGEST_PATH_OR_QUERY_VALUE = 200;

const routes = CAPABILITIES.flatMap((capability) => capability.routes);
const key = (route: RouteSpec) => `${route.method} ${route.path}`;

interface Leaf {
  field: string;
  schema: Schema;
}

function leaves(schema: Schema, prefix: string, out: Leaf[], arrays: Leaf[]): void {
  if (!schema || schema === true) {
    out.push({ field: prefix, schema: {} });
    return;
  }
  for (const option of schema.anyOf ?? schema.oneOf ?? schema.allOf ?? []) leaves(option, prefix, out, arrays);
  if (schema.anyOf || schema.oneOf || schema.allOf) return;
  if (schema.type === 'object') {
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      leaves(child, prefix ? `${prefix}.${name}` : name, out, arrays);
    }
    if (schema.additionalProperties && schema.additionalProperties !== true) {
      leaves(schema.additionalProperties, `${prefix}.*`, out, arrays);
    }
    return;
  }
  if (schema.type === 'array') {
    arrays.push({ field: prefix, schema });
    leaves(schema.items, `${prefix}[]`, out, arrays);
    return;
  }
  out.push({ field: prefix, schema });
}

function fieldsOf(route: RouteSpec, part: 'params' | 'query' | 'body') {
  const out: Leaf[] = [];
  const arrays: Leaf[] = [];
  const schema = route[part];
  if (schema) leaves(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }), '', out, arrays);
  return { strings: out.filter((leaf) => leaf.schema.type === 'string' || !leaf.schema.type), arrays };
}

const PROBES = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u202a', '\u202e', '\u2066', '\u2069'];
const PREFIXES = ['', 'a', 'A', '1', '/', '가', 'AG-1', 'a@b.kr'];

/** Does the pattern let a string with a control character or a bidi override through? */
function admitsInvisible(pattern: string): boolean {
  const regex = new RegExp(pattern, 'u');
  return PROBES.some((probe) => PREFIXES.some((prefix) => regex.test(`${prefix}${probe}`) || regex.test(probe)));
}

function problemsOf(route: RouteSpec): string[] {
  const problems: string[] = [];
  const names = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1]!);
  const params = route.params ? (z.toJSONSchema(route.params, { io: 'input' }) as Schema) : undefined;
  for (const name of names) {
    if (!params?.properties?.[name]) problems.push(`params.${name}: no schema`);
  }
  for (const part of ['params', 'query', 'body'] as const) {
    const { strings, arrays } = fieldsOf(route, part);
    for (const { field, schema } of strings) {
      const where = `${part}.${field}`;
      if (schema.enum || schema.const !== undefined) continue;
      // a uuid's pattern fixes its length (36)
      if (schema.format === 'uuid' && schema.pattern) continue;
      if (schema.maxLength === undefined) problems.push(`${where}: no maximum length`);
      else if (schema.maxLength > (part === 'body' ? LONGEST_TEXT : LONGEST_PATH_OR_QUERY_VALUE)) {
        problems.push(`${where}: maximum length ${schema.maxLength}`);
      }
      if (!schema.pattern) problems.push(`${where}: no pattern (use idField, textField, tokenField or a date field)`);
      else if (admitsInvisible(schema.pattern)) problems.push(`${where}: pattern admits control characters`);
    }
    for (const { field, schema } of arrays) {
      if (schema.maxItems === undefined) problems.push(`${part}.${field}: no maximum number of items`);
    }
  }
  return problems;
}

describe('every request field is bounded and shaped by its route (security issue, point 6)', () => {
  it.each(routes.map((route) => [key(route), route] as const))('%s', (_key, route) => {
    expect(problemsOf(route)).toEqual([]);
  });
});
