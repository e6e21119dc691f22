import { z } from 'zod';
import { schemeSchema } from './schemeSchema';

/** The scheme format as JSON Schema (draft 2020-12), generated from the zod schema so the two cannot drift. */
export function schemeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:hall-patrol:scheme@1',
    title: 'Hall Patrol scheme (hall-patrol/scheme@1)',
    ...z.toJSONSchema(schemeSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
