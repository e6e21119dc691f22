import type { RosterIndex } from '../model/rosterIndex';
import type { SubjectKind } from '../scheme/schemeSchema';

/** Where a ledger entry is charged: the placement fields of a recording. */
export interface SubjectRef {
  staffId?: string;
  windowId?: string;
  unitId?: string;
}

export type FindSubjectResult = { ok: true; id: string; ref: SubjectRef } | { ok: false; kind: 'unknown' | 'ambiguous'; count?: number };

/**
 * The roster subject a ledger names, as an office's exports name it: a person by name (or id), a window by its number
 * (3, 3号, 3号窗口) or name (or id), a unit or a chief by name (or id). Two people of one name are ambiguous: the
 * ledger must name them by id.
 */
export function findSubject(index: RosterIndex, kind: SubjectKind, text: string): FindSubjectResult {
  const t = text.trim().replace(/\s+/g, ' ');
  const byId = index.byKind[kind].find((m) => m.id === t);
  const matches = byId
    ? [byId]
    : kind === 'window'
      ? index.roster.windows.filter((w) => w.number === t.replace(/号(窗口)?$/, '') || w.name === t).map((w) => ({ id: w.id }))
      : index.byKind[kind].filter((m) => m.name === t);
  const only = matches[0];
  if (!only) return { ok: false, kind: 'unknown' };
  if (matches.length > 1) return { ok: false, kind: 'ambiguous', count: matches.length };
  return { ok: true, id: only.id, ref: refOf(index, kind, only.id) };
}

/** The placement fields that charge a subject of this kind. */
export function refOf(index: RosterIndex, kind: SubjectKind, id: string): SubjectRef {
  switch (kind) {
    case 'staff':
      return { staffId: id };
    case 'window':
      return { windowId: id };
    case 'unit':
      return { unitId: id };
    case 'chief':
      return { unitId: index.find('chief', id)?.unitId ?? id };
  }
}
