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
  /** The current config; re-read from the database whenever its revision moved (another server may have changed it). */
  current: (q: Queryable) => Promise<HallConfig>;
}

/** A per-process cache of the parsed config, checked against the database's revision on every use. */
export function createHallState(): HallState {
  let cached: HallConfig | undefined;
  return {
    async current(q) {
      const revision = await configRevision(q);
      if (cached && cached.revision === revision) return cached;
      cached = await loadConfig(q, revision);
      return cached;
    },
  };
}

async function loadConfig(q: Queryable, revision: number): Promise<HallConfig> {
  const rows = await configBetween(q, 0, revision);
  const setupRow = rows.find((r) => r.kind === 'setup');
  if (!setupRow) throw new Error('the database has no hall setup; the server seeds one at start');
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
