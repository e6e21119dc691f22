import { hallProblems } from '../../core/model/hallProblems';
import type { HallProblem } from '../../core/model/hallProblems';
import { hallSetupSchema } from '../../core/model/hallSetup';
import type { HallSetup } from '../../core/model/hallSetup';
import { rosterChange } from '../../core/model/rosterChange';
import type { RosterChangeEffect, RosterChangeRefusal } from '../../core/model/rosterChange';
import { scheduleProblems } from '../../core/versions/schemeSchedule';
import type { HeldVersion, ScheduleProblem } from '../../core/versions/schemeSchedule';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { Db } from '../storage/db';
import { putConfig } from '../storage/configRepo';
import { rosterUsage } from '../storage/eventRepo';
import { lockHallChanges } from '../storage/migrations';
import { describeIssues } from '../httpError';
import { hallProblemText, listed, rosterChangeText, scheduleProblemText } from '../words/hallProblemText';
import type { HallState } from './hallState';

/** Why a setup was not saved: its code, its words, and the core's problems as data. Nothing was changed. */
export interface SetupRefusal {
  code: 'bad-request' | 'conflict' | 'forbidden';
  message: string;
  problems: (HallProblem | ScheduleProblem | RosterChangeRefusal | { kind: 'shape'; issues: string })[];
}

export type SaveResult = { ok: true; changed: boolean; effects: RosterChangeEffect[]; setup: HallSetup } | { ok: false; refusal: SetupRefusal };

/**
 * THE way a hall's setup changes (every admin endpoint that edits the hall comes here): the new setup is checked as
 * if hostile — its shape (a time zone that exists, HH:MM hours, …), that it is this hall's, the core's hall problems
 * (windows numbered alike, overlapping tiles, …), the scheme schedule against the versions the hall holds, and, under
 * the hall's write lock so no finding slips in meanwhile, that no recorded finding loses its person, window or unit
 * (core rosterChange). All or nothing: with any problem nothing is saved.
 */
export async function saveSetup(db: Db, hall: HallState, hallId: string, candidate: unknown, dryRun = false): Promise<SaveResult> {
  const parsed = hallSetupSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    return { ok: false, refusal: { code: 'bad-request', message: `hall setup: ${issues}`, problems: [{ kind: 'shape', issues }] } };
  }
  const setup = parsed.data;
  if (setup.roster.hall.id !== hallId) {
    return { ok: false, refusal: { code: 'forbidden', message: `the setup names hall "${setup.roster.hall.id}"; this sign-in is for hall ${hallId}`, problems: [] } };
  }
  const problems = hallProblems(setup);
  if (problems.length) return { ok: false, refusal: { code: 'bad-request', message: listed('hall setup', problems, hallProblemText), problems } };
  const config = await hall.current(db, hallId);
  const schedule = scheduleProblems(setup.schemes, (id, version) => heldVersion(config.schemes.get(`${id}@${version}`)));
  if (schedule.length) return { ok: false, refusal: { code: 'bad-request', message: listed('scheme schedule', schedule, scheduleProblemText), problems: schedule } };
  return db.transaction(async (tx) => {
    await lockHallChanges(tx, hallId);
    const before = (await hall.current(tx, hallId)).setup;
    const change = rosterChange(before.roster, setup.roster, await rosterUsage(tx, hallId));
    if (change.refusals.length) {
      return { ok: false, refusal: { code: 'conflict', message: listed('roster change', change.refusals, rosterChangeText), problems: change.refusals } };
    }
    const changed = dryRun ? JSON.stringify(before) !== JSON.stringify(setup) : await putConfig(tx, hallId, 'setup', 'hall', JSON.stringify(setup));
    return { ok: true, changed, effects: change.effects, setup };
  });
}

/** What the schedule check needs of a held version: its period and the levels its tables score. */
export function heldVersion(s: Scheme | undefined): HeldVersion | undefined {
  return s && { period: s.period, subjects: [...new Set(s.tables.map((t) => t.subject))] };
}
