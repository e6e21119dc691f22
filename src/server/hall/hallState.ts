import type { HallSetup } from '../../core/model/hallSetup';
import { checkSchemeData } from '../../core/scheme/parseScheme';
import type { Scheme } from '../../core/scheme/parseScheme';
import { formatSchemeError } from '../../core/scheme/schemeError';
import { indexRoster } from '../../core/model/rosterIndex';
import type { RosterIndex } from '../../core/model/rosterIndex';
import { hallSetupSchema } from '../../core/model/hallSetup';
import { reviewSettingsSchema } from '../../core/events/reviewSettings';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/events/defaultReviewSettings';
import type { ReviewSettings } from '../../core/events/reviewSettings';
import type { Queryable } from '../storage/db';
import { configBetween, configRevision } from '../storage/configRepo';

/** The hall as the checks and results need it, parsed once per config revision. */
export interface HallConfig {
  revision: number;
  setup: HallSetup;
  index: RosterIndex;
  /** Scheme by `id@version`. */
  schemes: Map<string, Scheme>;
  /** The newest version of a scheme id. */
  latest: (id: string) => Scheme | undefined;
  /** The hall's review settings (the defaults until the admin sets them). */
  review: ReviewSettings;
}

export interface HallState {
  /**
   * A hall's current config; re-read from the database whenever the hall's revision moved (another server may have
   * changed it).
   */
  current: (q: Queryable, hallId: string) => Promise<HallConfig>;
}

/** A per-process cache of each hall's parsed config, checked against the database's revision on every use. */
export function createHallState(): HallState {
  const cached = new Map<string, HallConfig>();
  return {
    async current(q, hallId) {
      const revision = await configRevision(q, hallId);
      const have = cached.get(hallId);
      if (have && have.revision === revision) return have;
      const fresh = await loadConfig(q, hallId, revision);
      cached.set(hallId, fresh);
      return fresh;
    },
  };
}

async function loadConfig(q: Queryable, hallId: string, revision: number): Promise<HallConfig> {
  const rows = await configBetween(q, hallId, 0, revision);
  const setupRow = rows.find((r) => r.kind === 'setup');
  if (!setupRow) throw new Error(`hall "${hallId}" has no setup; a hall is created with one`);
  const setup = hallSetupSchema.parse(JSON.parse(setupRow.body));
  const schemes = new Map<string, Scheme>();
  for (const r of rows.filter((x) => x.kind === 'scheme')) {
    const parsed = checkSchemeData(JSON.parse(r.body), `stored scheme ${r.key}`);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatSchemeError).join('\n'));
    schemes.set(r.key, parsed.scheme);
  }
  const latest = (id: string): Scheme | undefined =>
    [...schemes.values()].filter((s) => s.id === id).sort((a, b) => b.version - a.version)[0];
  const reviewRow = rows.find((r) => r.kind === 'review');
  const review = reviewRow ? reviewSettingsSchema.parse(JSON.parse(reviewRow.body)) : DEFAULT_REVIEW_SETTINGS;
  return { revision, setup, index: indexRoster(setup.roster), schemes, latest, review };
}

/** The key a scheme version is stored under. */
export function schemeKey(id: string, version: number): string {
  return `${id}@${version}`;
}
