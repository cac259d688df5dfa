// Regenerates input.schema.json and output.schema.json from the zod schemas:
//   node --import tsx functions/claims/engine/write-schemas.ts
// then formats them the way `biome check` expects. test/unit/claims/schema.test.ts fails when the
// committed files no longer match the zod code.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { claimJsonSchemas, schemaFileText } from './schema.ts';

const written: string[] = [];
for (const [name, schema] of Object.entries(claimJsonSchemas())) {
  const path = fileURLToPath(new URL(`./${name}.schema.json`, import.meta.url));
  writeFileSync(path, schemaFileText(schema));
  written.push(path);
}
const biome = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));
execFileSync(biome, ['format', '--write', ...written], { stdio: 'inherit' });
process.stdout.write(`wrote ${written.join(', ')}\n`);
