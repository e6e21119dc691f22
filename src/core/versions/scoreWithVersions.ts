import { foldAll } from '../events/findingsFromEvents';
import type { FindingEvent } from '../events/events';
import { effectiveItem } from '../model/effectiveItem';
import type { Finding } from '../model/finding';
import type { Roster } from '../model/roster';
import type { Scheme } from '../scheme/parseScheme';
import { checkInputs } from '../scheme/ruleInputs';
import type { PeriodResults } from '../scoring/results';
import type { ScoreOptions } from '../scoring/scoreOptions';
import { scorePeriod } from '../scoring/scorePeriod';
import { scoreOnDemand } from '../scoring/scoreOnDemand';
import type { ScoredPeriod } from '../scoring/scoreOnDemand';
import { parseInstant } from '../time/parseInstant';
import { periodRange } from '../time/period';
import type { PeriodRef } from '../time/period';
import { firstDay, scheduleOf, versionOnDay } from './schemeSchedule';
import type { ScheduledVersion, SchemeAssignment } from './schemeSchedule';

/** Why the version scoring a period is that one (docs/scheme-versions.md). */
export type ScoredByRule =
  /** The version in force on the period's first day (the rule). */
  | 'in-force-on-first-day'
  /** The scheme is not in the hall's schedule, or none of its versions is in force yet on that day: the newest held. */
  | 'newest-held'
  /** Asked for explicitly: a what-if of a version before it takes effect. */
  | 'asked';

/** A finding of the period recorded under another version than the one scoring it. */
export type OtherVersionFinding =
  | { findingId: string; recordedUnder: number; itemId: string; outcome: 'mapped' }
  | { findingId: string; recordedUnder: number; itemId: string; outcome: 'not-scored'; reason: 'item-not-in-version' | 'inputs-do-not-fit' };

/** Which version scored a period, and what that meant for findings recorded under others. */
export interface VersionsReport {
  scoredBy: number;
  rule: ScoredByRule;
  /** The versions of the hall's schedule in force on some day of the period, with their days. */
  inForce: ScheduledVersion[];
  /** How many of the period's findings were recorded under each version. */
  recordedUnder: { version: number; findings: number }[];
  /** Findings recorded under another version: scored by the same item id, or listed as not scored with why. */
  otherVersions: OtherVersionFinding[];
}

export type VersionedResults = PeriodResults & { versions: VersionsReport };

export interface ScoreWithVersionsInput {
  schemeId: string;
  /** The hall's schedule (HallSetup.schemes). */
  assignments: readonly SchemeAssignment[];
  /** The scheme versions the hall holds. */
  held: readonly Scheme[];
  roster: Roster;
  events: readonly FindingEvent[];
  period: PeriodRef;
  options: ScoreOptions;
  /** Score with this version instead of the rule's (a what-if). */
  version?: number | undefined;
}

/** A period's scheme version chosen and its findings resolved by the version rule, ready for the engine. */
interface Resolved {
  scheme: Scheme;
  findings: Finding[];
  versions: VersionsReport;
}

type NoVersion = { error: 'no-version'; schemeId: string; version?: number };

/**
 * THE rule for periods and scheme versions (docs/scheme-versions.md): a period is scored, whole, by the version in
 * force on its first day (hall-local), so a new version never reaches back before the day it took effect. A finding
 * recorded under another version is scored by the scoring version's item of the same id when that item exists and the
 * recorded inputs fit its rule; otherwise it is left out and listed as not scored, with the reason. The engine runs
 * unchanged on what this keeps; the report says which version scored what.
 */
function resolveVersions(input: ScoreWithVersionsInput): Resolved | NoVersion {
  const { schemeId, assignments, held, roster, period } = input;
  const tz = roster.hall.timeZone;
  const versions = held.filter((s) => s.id === schemeId).sort((a, b) => a.version - b.version);
  const day = firstDay(period);
  const scheduled = versionOnDay(assignments, schemeId, day);
  const pick = input.version ?? scheduled ?? versions[versions.length - 1]?.version;
  const scheme = versions.find((s) => s.version === pick);
  if (!scheme) return input.version === undefined ? { error: 'no-version', schemeId } : { error: 'no-version', schemeId, version: input.version };
  const rule: ScoredByRule = input.version !== undefined ? 'asked' : scheduled !== undefined ? 'in-force-on-first-day' : 'newest-held';

  const range = periodRange(period, tz);
  const items = new Map(scheme.items.map((i) => [i.id, i]));
  const counts = new Map<number, number>();
  const otherVersions: OtherVersionFinding[] = [];
  const findings: Finding[] = [];
  for (const f of foldAll(input.events)) {
    if (f.schemeId !== schemeId) continue;
    const atMs = parseInstant(f.finding.at);
    const inPeriod = atMs >= range.startMs && atMs < range.endMs;
    if (inPeriod) counts.set(f.schemeVersion, (counts.get(f.schemeVersion) ?? 0) + 1);
    if (f.schemeVersion === scheme.version) {
      findings.push(f.finding);
      continue;
    }
    // Findings outside the period are kept for the engine's look-backs (triggers over earlier periods) by the same rule.
    const { itemId, inputs } = effectiveItem(f.finding);
    const item = items.get(itemId);
    const reason = !item ? 'item-not-in-version' : checkInputs(item.rule, inputs).length > 0 ? 'inputs-do-not-fit' : undefined;
    if (reason) {
      if (inPeriod) otherVersions.push({ findingId: f.finding.id, recordedUnder: f.schemeVersion, itemId, outcome: 'not-scored', reason });
      continue;
    }
    if (inPeriod) otherVersions.push({ findingId: f.finding.id, recordedUnder: f.schemeVersion, itemId, outcome: 'mapped' });
    findings.push(f.finding);
  }
  findings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  otherVersions.sort((a, b) => (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
  const inForce = scheduleOf(assignments, schemeId).filter((v) => (v.from === null || v.from < endDay(period)) && (v.until === null || v.until > day));
  return {
    scheme,
    findings,
    versions: {
      scoredBy: scheme.version,
      rule,
      inForce,
      recordedUnder: [...counts].sort((a, b) => a[0] - b[0]).map(([version, n]) => ({ version, findings: n })),
      otherVersions,
    },
  };
}

/**
 * A period's results under the version rule (resolveVersions), every subject with its explanation lines: the what-if
 * compares items subject by subject with them.
 */
export function scoreWithVersions(input: ScoreWithVersionsInput): VersionedResults | NoVersion {
  const r = resolveVersions(input);
  if ('error' in r) return r;
  return { ...scorePeriod(r.scheme, input.roster, r.findings, input.period, input.options), versions: r.versions };
}

/**
 * A period's results under the version rule without explanation lines, and any one subject explained when asked
 * (scoreOnDemand): the server's results route and its explanation route.
 */
export function scoreVersionsOnDemand(input: ScoreWithVersionsInput): { scored: ScoredPeriod; versions: VersionsReport } | NoVersion {
  const r = resolveVersions(input);
  if ('error' in r) return r;
  return { scored: scoreOnDemand(r.scheme, input.roster, r.findings, input.period, input.options), versions: r.versions };
}

/** The first day after a period, YYYY-MM-DD. */
function endDay(p: PeriodRef): string {
  const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  const start = firstDay(p);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + months;
  return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}
