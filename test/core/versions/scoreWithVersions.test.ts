import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/core/events/events';
import { parseScheme } from '../../../src/core/scheme/parseScheme';
import type { Scheme } from '../../../src/core/scheme/parseScheme';
import { parsePeriod } from '../../../src/core/time/period';
import type { PeriodRef } from '../../../src/core/time/period';
import { scoreWithVersions } from '../../../src/core/versions/scoreWithVersions';
import type { SchemeAssignment } from '../../../src/core/versions/schemeSchedule';
import { MINI_ROSTER, MINI_SCHEME_YAML } from '../../fixtures/miniScheme';
import { eventId, recording } from '../events/reviewFixture';

/** Version 2 of the mini scheme: 玩手机 costs 8 instead of 5, 串岗 is gone, 睡觉 is new. */
function v2(): Scheme {
  const yaml = MINI_SCHEME_YAML.replace('version: 1', 'version: 2')
    .replace('rule: { kind: fixed, points: 5 },', 'rule: { kind: fixed, points: 8 },')
    .replace(/ {2}- \{ id: roam,[^\n]*\n/, '  - { id: sleep, category: discipline, name: 睡觉, text: 睡觉, clause: "一9", subject: staff, office: 大厅运行室, source: patrol, direction: deduct, rule: { kind: fixed, points: 2 } }\n');
  const r = parseScheme(yaml, 'mini-v2.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scheme;
}
function v1(): Scheme {
  const r = parseScheme(MINI_SCHEME_YAML, 'mini.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scheme;
}

const SCHEDULE: SchemeAssignment[] = [
  { id: 'mini', version: 1, subject: 'staff' },
  { id: 'mini', version: 2, subject: 'staff', from: '2026-07-01' },
];
let n = 100;
const rec = (version: number, itemId: string, at: string, staffId = 's1'): FindingEvent => {
  const id = eventId(++n);
  return recording({ id, findingId: id, schemeVersion: version, itemId, at, observedAt: at, staffId, photos: [] });
};
const period = (text: string): PeriodRef => {
  const p = parsePeriod(text);
  if (!p) throw new Error(text);
  return p;
};
const score = (events: FindingEvent[], p: string, version?: number) => {
  const r = scoreWithVersions({ schemeId: 'mini', assignments: SCHEDULE, held: [v1(), v2()], roster: MINI_ROSTER, events, period: period(p), options: { countPending: false }, version });
  if ('error' in r) throw new Error(r.error);
  return r;
};
const staffTotal = (r: ReturnType<typeof score>, id = 's1'): number | undefined => r.subjects.find((s) => s.subject === 'staff' && s.subjectId === id)?.total;

describe('scoring across scheme versions: each period by the version in force on its first day', () => {
  const june = rec(1, 'phone', '2026-06-20T10:00:00+08:00');
  const julyOld = rec(1, 'phone', '2026-07-02T10:00:00+08:00', 's2');
  const julyRoam = rec(1, 'roam', '2026-07-03T10:00:00+08:00', 's2');
  const julyNew = rec(2, 'sleep', '2026-07-05T10:00:00+08:00');
  const events = [june, julyOld, julyRoam, julyNew];

  it('scores June by v1 (5 points) and July by v2 (8), each saying so', () => {
    const jun = score(events, '2026-06');
    expect(jun.versions).toMatchObject({ scoredBy: 1, rule: 'in-force-on-first-day', inForce: [{ version: 1, from: null, until: '2026-07-01' }], otherVersions: [] });
    expect(staffTotal(jun)).toBe(95);
    const jul = score(events, '2026-07');
    expect(jul.schemeVersion).toBe(2);
    expect(jul.versions.inForce).toEqual([{ version: 2, from: '2026-07-01', until: null }]);
    expect(staffTotal(jul)).toBe(98);
    // 李四's v1 玩手机 in July is scored by v2's item of the same id; his v1 串岗 is not in v2: listed, not scored.
    expect(staffTotal(jul, 's2')).toBe(92);
    expect(jul.versions.recordedUnder).toEqual([{ version: 1, findings: 2 }, { version: 2, findings: 1 }]);
    expect(jul.versions.otherVersions).toEqual([
      { findingId: julyOld.findingId, recordedUnder: 1, itemId: 'phone', outcome: 'mapped' },
      { findingId: julyRoam.findingId, recordedUnder: 1, itemId: 'roam', outcome: 'not-scored', reason: 'item-not-in-version' },
    ].sort((a, b) => (a.findingId < b.findingId ? -1 : 1)));
  });

  it('scores a year spanning both versions whole by v1, listing what v1 cannot score', () => {
    const year = score(events, '2026');
    expect(year.versions.scoredBy).toBe(1);
    expect(year.versions.inForce.map((v) => v.version)).toEqual([1, 2]);
    expect(year.versions.otherVersions).toEqual([{ findingId: julyNew.findingId, recordedUnder: 2, itemId: 'sleep', outcome: 'not-scored', reason: 'item-not-in-version' }]);
  });

  it('a what-if scores last month under the coming version, beside the real results', () => {
    const real = score(events, '2026-06');
    const whatIf = score(events, '2026-06', 2);
    expect(whatIf.versions).toMatchObject({ scoredBy: 2, rule: 'asked' });
    expect(staffTotal(real)).toBe(95);
    expect(staffTotal(whatIf)).toBe(92);
    expect(whatIf.versions.otherVersions).toEqual([{ findingId: june.findingId, recordedUnder: 1, itemId: 'phone', outcome: 'mapped' }]);
  });

  it('lists a finding whose inputs the scoring version\'s rule refuses as not scored', () => {
    const yaml = MINI_SCHEME_YAML.replace('version: 1', 'version: 3').replace('rule: { kind: fixed, points: 5 },', 'rule: { kind: range, min: 1, max: 3, step: 1 },');
    const r = parseScheme(yaml, 'v3.yaml');
    if (!r.ok) throw new Error('v3');
    const out = scoreWithVersions({ schemeId: 'mini', assignments: [], held: [v1(), r.scheme], roster: MINI_ROSTER, events: [june], period: period('2026-06'), options: { countPending: false } });
    if ('error' in out) throw new Error(out.error);
    expect(out.versions).toMatchObject({ scoredBy: 3, rule: 'newest-held', otherVersions: [{ findingId: june.findingId, outcome: 'not-scored', reason: 'inputs-do-not-fit' }] });
  });

  it('answers no-version for a version the hall does not hold', () => {
    expect(scoreWithVersions({ schemeId: 'mini', assignments: SCHEDULE, held: [v1()], roster: MINI_ROSTER, events, period: period('2026-06'), options: { countPending: false }, version: 9 })).toEqual({ error: 'no-version', schemeId: 'mini', version: 9 });
  });
});
