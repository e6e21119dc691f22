import type { Item, SubjectKind } from '../../../../src/core/scheme/schemeSchema';
import type { Scheme } from '../../../../src/core/scheme/parseScheme';
import { effectiveItem } from '../../../../src/core/model/effectiveItem';
import type { Finding } from '../../../../src/core/model/finding';
import type { FindingInputs } from '../../../../src/core/scheme/inputsSchema';
import { place } from '../../../../src/core/model/placement';
import type { RosterIndex } from '../../../../src/core/model/rosterIndex';
import { parseInstant } from '../../../../src/core/time/parseInstant';
import type { SkipProblem } from '../../../../src/core/scoring/results';

/** A finding resolved against the scheme and roster: its effective item and inputs, instant, status, subjects. */
export interface Prepared {
  id: string;
  item: Item;
  inputs: FindingInputs;
  at: string;
  atMs: number;
  status: 'counted' | 'pending';
  /** The subject ids this finding resolves to, per kind (absent when it does not resolve). */
  subjects: Partial<Record<SubjectKind, string>>;
  /** `kind:id` of the subject the item charges, for grouping. */
  chargedKey: string;
  rectifiedMs: number | undefined;
}

const COUNTED = new Set(['recorded', 'acknowledged', 'upheld', 'amended']);

/** Resolve, filter and sort (by instant, then id) the findings once per scoring run. */
export function prepareFindings(
  scheme: Scheme,
  index: RosterIndex,
  findings: readonly Finding[],
): { prepared: Prepared[]; skipped: { findingId: string; problem: SkipProblem }[] } {
  const items = new Map(scheme.items.map((i) => [i.id, i]));
  // Findings of one person at one window resolve alike: resolve each (staff, window, unit) once.
  const resolved = new Map<string, Map<string, Map<string, Resolved>>>();
  const prepared: Prepared[] = [];
  const skipped: { findingId: string; problem: SkipProblem }[] = [];
  for (const f of findings) {
    if (f.state === 'overturned' || f.state === 'voided') continue;
    const status = COUNTED.has(f.state) ? 'counted' : f.state === 'contested' ? 'pending' : null;
    if (!status) {
      skipped.push({ findingId: f.id, problem: { kind: 'unknown-state', state: String(f.state) } });
      continue;
    }
    const { itemId, inputs } = effectiveItem(f);
    const item = items.get(itemId);
    if (!item) {
      skipped.push({ findingId: f.id, problem: { kind: 'unknown-item', itemId, schemeId: scheme.id, schemeVersion: scheme.version } });
      continue;
    }
    const atMs = parseInstant(f.at);
    if (Number.isNaN(atMs)) {
      skipped.push({ findingId: f.id, problem: { kind: 'bad-time', at: f.at } });
      continue;
    }
    let byWindow = resolved.get(f.staffId ?? '');
    if (!byWindow) resolved.set(f.staffId ?? '', (byWindow = new Map()));
    let byUnit = byWindow.get(f.windowId ?? '');
    if (!byUnit) byWindow.set(f.windowId ?? '', (byUnit = new Map()));
    let who = byUnit.get(f.unitId ?? '');
    if (!who) byUnit.set(f.unitId ?? '', (who = resolveSubjects(index, f)));
    const subjects = who.subjects;
    if (!subjects[item.subject]) {
      skipped.push({ findingId: f.id, problem: { kind: 'no-subject', subject: item.subject, itemId: item.id, staffId: f.staffId ?? null, windowId: f.windowId ?? null, unitId: f.unitId ?? null } });
      continue;
    }
    const rectifiedMs = f.rectifiedAt ? parseInstant(f.rectifiedAt) : undefined;
    const chargedKey = who.keys[item.subject];
    prepared.push({ id: f.id, item, inputs, at: f.at, atMs, status, subjects, chargedKey, rectifiedMs });
  }
  prepared.sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { prepared, skipped };
}

interface Resolved {
  subjects: Partial<Record<SubjectKind, string>>;
  /** `kind:id` per kind, the grouping keys. */
  keys: Record<SubjectKind, string>;
}

/** The subjects a finding resolves to (placement), with their grouping keys. */
function resolveSubjects(index: RosterIndex, f: Finding): Resolved {
  const p = place(f, index);
  const subjects = { staff: p.staffId ?? undefined, window: p.windowId ?? undefined, unit: p.unitId ?? undefined, chief: p.chiefId ?? undefined };
  return {
    subjects,
    keys: {
      staff: `staff:${subjects.staff ?? ''}`,
      window: `window:${subjects.window ?? ''}`,
      unit: `unit:${subjects.unit ?? ''}`,
      chief: `chief:${subjects.chief ?? ''}`,
    },
  };
}
