// Regenerates input.schema.json and output.schema.json from the zod schemas:
//   node --import tsx functions/claims/engine/write-schemas.ts
// test/unit/claims/schema.test.ts fails when the committed files are out of date.

import { writeFileSync } from 'node:fs';
import { claimJsonSchemas, schemaFileText } from './schema.ts';

const schemas = claimJsonSchemas();
for (const [name, schema] of Object.entries(schemas)) {
  const url = new URL(`./${name}.schema.json`, import.meta.url);
  writeFileSync(url, schemaFileText(schema));
  process.stdout.write(`wrote ${url.pathname}\n`);
}
