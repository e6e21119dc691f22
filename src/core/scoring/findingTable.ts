import type { Item, SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import { effectiveItem } from '../model/effectiveItem';
import type { Finding } from '../model/finding';
import type { FindingInputs } from '../scheme/inputsSchema';
import { place } from '../model/placement';
import type { RosterIndex } from '../model/rosterIndex';
import { parseInstant } from '../time/parseInstant';
import type { SkipProblem } from './results';
import { isPerFinding, perFindingPoints } from './evaluateRule';

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
  rectifiedMs: number | undefined;
}

/** Where a group of findings is charged: the subject ids per kind, their grouping keys (`kind:id`), their roster positions. */
export interface Place {
  subjects: Partial<Record<SubjectKind, string>>;
  keys: Record<SubjectKind, string>;
  /** Each subject's position in the roster index's members of its kind (-1: none). */
  members: Record<SubjectKind, number>;
}

/**
 * The findings of one scoring run, resolved once and held as columns (one entry per scored finding, sorted by
 * instant, then id): what the totals read per finding is numbers in typed arrays, not an object per finding. A
 * finding is made into a Prepared object only where a rule needs the whole finding (period rules, co-deductions,
 * follow-ups, a subject being explained): preparedAt, once per run.
 */
export interface FindingTable {
  scheme: Scheme;
  length: number;
  /** The findings as given (not copied). */
  given: readonly Finding[];
  /** Each row's finding: its index in `given`. */
  source: Int32Array;
  /** The committee's inputs of amended findings, by row (an unamended finding's are its own). */
  amendedInputs: Map<number, FindingInputs>;
  atMs: Float64Array;
  /** The effective item's position in scheme.items. */
  item: Int32Array;
  /** 1: counts; 0: pending a contest. */
  counted: Uint8Array;
  /** Position in `places`. */
  place: Int32Array;
  /** Signed points of a per-finding rule for this finding alone (0 for other rules): the same numbers its line shows. */
  points: Float64Array;
  /** The effective inputs' quantity (NaN: none), what triggers and eligibility limits measure. */
  quantity: Float64Array;
  places: Place[];
  /** Per kind, a roster member's position among the index's members of that kind, by id (the last of a repeated id). */
  memberAt: Record<SubjectKind, ReadonlyMap<string, number>>;
  /** Prepared objects made so far, by row. */
  objects: Map<number, Prepared>;
}

const COUNTED = new Set(['recorded', 'acknowledged', 'upheld', 'amended']);
/** Shared by every finding recorded without inputs; never written to. */
const NO_INPUTS: FindingInputs = Object.freeze({});

/** Resolve, filter and sort (by instant, then id) the findings once per scoring run, with why each left-out one was. */
export function prepareTable(scheme: Scheme, index: RosterIndex, findings: readonly Finding[]): { table: FindingTable; skipped: { findingId: string; problem: SkipProblem }[] } {
  const items = new Map(scheme.items.map((i, k) => [i.id, k]));
  // Per-rule lookups made once per item (a levels rule's points by level id), not per finding.
  const pointsOf = scheme.items.map((i) => (isPerFinding(i) ? perFindingPoints(i) : null));
  // Findings of one person at one window resolve alike: resolve each (staff, window, unit) once.
  // By staff id (most findings name one), the (window, unit) pairs named with it and the place each resolved to.
  const resolved = new Map<string, { windowId: string | undefined; unitId: string | undefined; place: number }[]>();
  const KIND_AT: Record<SubjectKind, number> = { staff: 0, window: 1, chief: 2, unit: 3 };
  const itemKind = scheme.items.map((i) => KIND_AT[i.subject]);
  // Per place and kind (place × 4 + kind): 1 when the place resolves a subject of that kind.
  const resolves: number[] = [];
  const places: Place[] = [];
  const n = findings.length;
  const source = new Int32Array(n);
  const amendedInputs = new Map<number, FindingInputs>();
  const atMs = new Float64Array(n);
  const item = new Int32Array(n);
  const counted = new Uint8Array(n);
  const placeOf = new Int32Array(n);
  const points = new Float64Array(n);
  const quantity = new Float64Array(n);
  const atOf = (kind: SubjectKind): Map<string, number> => new Map(index.byKind[kind].map((m, i) => [m.id, i]));
  const memberAt = { staff: atOf('staff'), window: atOf('window'), chief: atOf('chief'), unit: atOf('unit') };
  const skipped: { findingId: string; problem: SkipProblem }[] = [];
  let len = 0;
  for (let at = 0; at < n; at++) {
    const f = findings[at] as Finding;
    if (f.state === 'overturned' || f.state === 'voided') continue;
    const isCounted = COUNTED.has(f.state);
    if (!isCounted && f.state !== 'contested') {
      skipped.push({ findingId: f.id, problem: { kind: 'unknown-state', state: String(f.state) } });
      continue;
    }
    // effectiveItem, without an object per finding for the common case (not amended).
    const amended = f.state === 'amended' && f.amended !== undefined;
    const itemId = amended ? effectiveItem(f).itemId : f.itemId;
    const k = items.get(itemId);
    if (k === undefined) {
      skipped.push({ findingId: f.id, problem: { kind: 'unknown-item', itemId, schemeId: scheme.id, schemeVersion: scheme.version } });
      continue;
    }
    const it = scheme.items[k] as Item;
    const ms = parseInstant(f.at);
    if (Number.isNaN(ms)) {
      skipped.push({ findingId: f.id, problem: { kind: 'bad-time', at: f.at } });
      continue;
    }
    let named = resolved.get(f.staffId ?? '');
    if (!named) resolved.set(f.staffId ?? '', (named = []));
    let p = -1;
    for (const x of named) {
      if (x.windowId === f.windowId && x.unitId === f.unitId) {
        p = x.place;
        break;
      }
    }
    if (p < 0) {
      p = places.length;
      const resolvedPlace = resolvePlace(index, memberAt, f);
      places.push(resolvedPlace);
      for (const kind of ['staff', 'window', 'chief', 'unit'] as const) resolves.push(resolvedPlace.subjects[kind] ? 1 : 0);
      named.push({ windowId: f.windowId, unitId: f.unitId, place: p });
    }
    if (resolves[p * 4 + (itemKind[k] as number)] !== 1) {
      skipped.push({ findingId: f.id, problem: { kind: 'no-subject', subject: it.subject, itemId: it.id, staffId: f.staffId ?? null, windowId: f.windowId ?? null, unitId: f.unitId ?? null } });
      continue;
    }
    const given = amended ? effectiveItem(f).inputs : (f.inputs ?? NO_INPUTS);
    source[len] = at;
    if (amended) amendedInputs.set(len, given);
    atMs[len] = ms;
    item[len] = k;
    counted[len] = isCounted ? 1 : 0;
    placeOf[len] = p;
    const rule = pointsOf[k];
    points[len] = rule ? rule(given) : 0;
    quantity[len] = given.quantity ?? Number.NaN;
    len++;
  }
  const table: FindingTable = {
    scheme,
    length: len,
    given: findings,
    source: source.subarray(0, len),
    amendedInputs,
    atMs: atMs.subarray(0, len),
    item: item.subarray(0, len),
    counted: counted.subarray(0, len),
    place: placeOf.subarray(0, len),
    points: points.subarray(0, len),
    quantity: quantity.subarray(0, len),
    places,
    memberAt,
    objects: new Map(),
  };
  // A store yields findings in time order: sort only when they are not (the same order either way).
  return { table: isSorted(table) ? table : sorted(table), skipped };
}

function compare(t: FindingTable, a: number, b: number): number {
  const d = (t.atMs[a] as number) - (t.atMs[b] as number);
  if (d !== 0) return d;
  const x = findingAt(t, a).id;
  const y = findingAt(t, b).id;
  return x < y ? -1 : x > y ? 1 : 0;
}

function isSorted(t: FindingTable): boolean {
  for (let i = 1; i < t.length; i++) if (compare(t, i - 1, i) > 0) return false;
  return true;
}

/** The table with its rows in instant-then-id order. */
function sorted(t: FindingTable): FindingTable {
  const order = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => compare(t, a, b));
  const pick = <A extends { [i: number]: number }>(from: A, to: A): A => {
    order.forEach((j, i) => (to[i] = from[j] as number));
    return to;
  };
  return {
    ...t,
    source: pick(t.source, new Int32Array(t.length)),
    amendedInputs: new Map(order.flatMap((j, i) => (t.amendedInputs.has(j) ? [[i, t.amendedInputs.get(j) as FindingInputs]] : []))),
    atMs: pick(t.atMs, new Float64Array(t.length)),
    item: pick(t.item, new Int32Array(t.length)),
    counted: pick(t.counted, new Uint8Array(t.length)),
    place: pick(t.place, new Int32Array(t.length)),
    points: pick(t.points, new Float64Array(t.length)),
    quantity: pick(t.quantity, new Float64Array(t.length)),
    objects: new Map(),
  };
}

/** The finding at a position as a Prepared object (made once per run, then shared). */
export function preparedAt(t: FindingTable, pos: number): Prepared {
  const made = t.objects.get(pos);
  if (made) return made;
  const f = findingAt(t, pos);
  const p: Prepared = {
    id: f.id,
    item: t.scheme.items[t.item[pos] as number] as Item,
    inputs: inputsAt(t, pos),
    at: f.at,
    atMs: t.atMs[pos] as number,
    status: t.counted[pos] === 1 ? 'counted' : 'pending',
    subjects: (t.places[t.place[pos] as number] as Place).subjects,
    rectifiedMs: f.rectifiedAt ? parseInstant(f.rectifiedAt) : undefined,
  };
  t.objects.set(pos, p);
  return p;
}

/** The finding of a row, as given. */
export function findingAt(t: FindingTable, pos: number): Finding {
  return t.given[t.source[pos] as number] as Finding;
}

/** The inputs a row is scored by: the committee's amendment once amended, else what was recorded. */
function inputsAt(t: FindingTable, pos: number): FindingInputs {
  return t.amendedInputs.get(pos) ?? findingAt(t, pos).inputs ?? NO_INPUTS;
}

/** The roster position of the subject of `kind` a row resolves to (-1: none). */
export function memberOfRow(t: FindingTable, pos: number, kind: SubjectKind): number {
  return (t.places[t.place[pos] as number] as Place).members[kind];
}

/** The subjects a finding resolves to (placement), with their grouping keys. */
function resolvePlace(index: RosterIndex, memberAt: Record<SubjectKind, ReadonlyMap<string, number>>, f: Finding): Place {
  const p = place(f, index);
  const subjects = { staff: p.staffId ?? undefined, window: p.windowId ?? undefined, unit: p.unitId ?? undefined, chief: p.chiefId ?? undefined };
  const at = (kind: SubjectKind): number => memberAt[kind].get(subjects[kind] ?? '') ?? -1;
  return {
    subjects,
    members: { staff: at('staff'), window: at('window'), chief: at('chief'), unit: at('unit') },
    keys: {
      staff: `staff:${subjects.staff ?? ''}`,
      window: `window:${subjects.window ?? ''}`,
      unit: `unit:${subjects.unit ?? ''}`,
      chief: `chief:${subjects.chief ?? ''}`,
    },
  };
}
