import type { Scheme } from '../core/scheme/parseScheme';
import type { CompiledScheme, SchemeAssignment } from './compiledScheme';
import type { PatrolScheme } from './patrolScheme';

/**
 * The compiled schemes of the build, each its own lazily loaded chunk (precached by the service worker). They were
 * validated by the build (src/cli/buildSchemes.ts), which is why they are accepted as checked schemes here.
 */
const compiled = import.meta.glob<CompiledScheme>('../generated/schemes/*.json', { import: 'default' });

// Not subjectKindSchema.options: importing the zod schema would put zod in the tablet's bundle.
const LEVELS = new Set<string>(['staff', 'window', 'unit', 'chief']);

/** Load the schemes the hall assigns (id, version, level). Rejects when one is missing from the build. */
export async function loadSchemes(assignments: readonly SchemeAssignment[]): Promise<PatrolScheme[]> {
  return Promise.all(
    assignments.map(async (a) => {
      // Compiled per version (src/cli/compileSchemes.ts): the folder may hold several versions of one id.
      const load = compiled[`../generated/schemes/${a.id}@${a.version}.json`];
      if (!load) throw new Error(`scheme "${a.id}" v${a.version} is not in this build (run npm run build)`);
      const c = await load();
      if (c.format !== 'hall-patrol/compiled-scheme@1' || c.scheme.version !== a.version) {
        throw new Error(`scheme "${a.id}" v${a.version} is assigned, but the build has v${c.scheme.version}`);
      }
      if (!LEVELS.has(a.subject)) throw new Error(`scheme "${a.id}" is assigned to an unknown level "${a.subject}"`);
      return { scheme: c.scheme as Scheme, level: a.subject as PatrolScheme['level'], search: c.search };
    }),
  );
}
