import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScheme, NEEDS_SEEDS, schemeFiles, schemesDir, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { schemeJsonSchema } from '../../../src/core/scheme/schemeJsonSchema';

const SEEDS = ['000_71cb8c717cb5dceb.txt', '001_f45f7fbc2037c8fd.txt', '002_817dce25cfdbabda.txt', '003_065aabf86fa7cd6e.txt', '004_49bcbf8b2accbdb0.txt'];

describe('every scheme file in schemes/', () => {
  it('covers all five seed regulations', () => {
    const sources = new Set(schemeFiles().map((f) => loadScheme(f).source));
    for (const seed of SEEDS) expect(sources, seed).toContain(seed);
  });

  for (const file of schemeFiles()) {
    describe(file, () => {
      const scheme = loadScheme(file);
      it('parses and passes every semantic check', () => {
        expect(scheme.items.length).toBeGreaterThan(0);
      });
      it.skipIf(!seedsPresent)(`quotes its regulation's own wording in every item${NEEDS_SEEDS}`, () => {
        const seed = seedTextCompact(scheme.source);
        const missing = scheme.items.filter((i) => !seed.includes(i.text.replace(/\s+/g, ''))).map((i) => i.id);
        expect(missing).toEqual([]);
      });
      it('says for every item who records it and whether a patrol can see it', () => {
        for (const i of scheme.items) {
          expect(i.office.length, i.id).toBeGreaterThan(0);
          expect(['patrol', 'ledger'], i.id).toContain(i.source);
        }
      });
      it('has unique ids across items', () => {
        const ids = scheme.items.map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
      });
    });
  }
});

describe('schemes/scheme.schema.json', () => {
  it('is the JSON Schema generated from the TypeScript (zod) definition of the format (run npm run schema)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(schemesDir, 'scheme.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(schemeJsonSchema())));
  });
});
