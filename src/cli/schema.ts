import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemeJsonSchema } from '../core/scheme/schemeJsonSchema';

/** Writes schemes/scheme.schema.json from the zod schema, the single source of truth of the format. */
const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemes', 'scheme.schema.json');
writeFileSync(target, JSON.stringify(schemeJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${target}\n`);
