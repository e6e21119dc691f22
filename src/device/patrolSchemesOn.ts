import type { HallSetup } from '../core/model/hallSetup';
import type { Scheme } from '../core/scheme/parseScheme';
import type { SubjectKind } from '../core/scheme/schemeSchema';
import { inForceFor } from '../core/versions/schemeSchedule';
import type { CompiledScheme, ItemSearchKeys } from './compiledScheme';
import type { PatrolScheme } from './patrolScheme';

/** The build's compiled schemes (lazy chunks, precached): only their pinyin search keys are used here. */
const compiled = import.meta.glob<CompiledScheme>('../generated/schemes/*.json', { import: 'default' });

const LEVELS: readonly SubjectKind[] = ['staff', 'window', 'unit', 'chief'];

/** The hall as the server sent it (pulled, checked, kept in IndexedDB): its setup and the scheme versions it holds. */
export interface ServerHall {
  setup: HallSetup;
  schemes: readonly Scheme[];
}

/**
 * The patrol schemes of a hall on a hall-local day: per level, the version the hall's schedule puts in force that day
 * (core inForceFor), as the server sent it; a finding records under it. The items' pinyin search keys come from the
 * build when it compiled the same id@version (the tablet carries no pinyin dictionary); a version the build does not
 * have is searched by its Chinese text only. Rejects when the schedule names a version the server did not send.
 */
export async function patrolSchemesOn(hall: ServerHall, day: string): Promise<PatrolScheme[]> {
  const out: PatrolScheme[] = [];
  for (const level of LEVELS) {
    const f = inForceFor(hall.setup.schemes, level, day);
    if (!f) continue;
    const scheme = hall.schemes.find((s) => s.id === f.id && s.version === f.version);
    if (!scheme) throw new Error(`scheme "${f.id}" v${f.version} is in force on ${day} but the server has not sent it; sync again`);
    const load = compiled[`../generated/schemes/${f.id}@${f.version}.json`];
    let search: Record<string, ItemSearchKeys> = {};
    if (load) search = (await load().catch(() => null))?.search ?? {};
    out.push({ scheme, level, search });
  }
  return out;
}
