import type { FindingRecorded } from '../core/events/events';
import type { FindingInputs } from '../core/scheme/inputsSchema';
import type { PreparedPhoto } from './photos/preparedPhoto';

/** What the inspector (or the office) chose; the device adds ids, time and identity. */
export interface FindingDraft {
  schemeId: string;
  schemeVersion: number;
  itemId: string;
  windowId?: string;
  staffId?: string;
  unitId?: string;
  inputs?: FindingInputs;
  note?: string;
  /** A ledger entry's source (ledger page, complaint number). */
  sourceRef?: string;
  /** When it happened, when not now: a ledger entry is about a day of the month entered. */
  observedAt?: string;
  photos: PreparedPhoto[];
}

/** The recording of a draft, by the account, observed now unless the draft says when (note and source trimmed, empty inputs, note and source left out). */
export function recordedEvent(draft: FindingDraft, ctx: { actorId: string; deviceId: string; at: string; newId: () => string }): FindingRecorded {
  const event: FindingRecorded = {
    type: 'finding.recorded',
    id: ctx.newId(),
    findingId: ctx.newId(),
    at: ctx.at,
    actorId: ctx.actorId,
    deviceId: ctx.deviceId,
    schemeId: draft.schemeId,
    schemeVersion: draft.schemeVersion,
    itemId: draft.itemId,
    observedAt: draft.observedAt ?? ctx.at,
    photos: draft.photos.map((p) => p.hash),
  };
  if (draft.windowId) event.windowId = draft.windowId;
  if (draft.staffId) event.staffId = draft.staffId;
  if (draft.unitId) event.unitId = draft.unitId;
  if (draft.inputs && Object.keys(draft.inputs).length > 0) event.inputs = draft.inputs;
  const note = draft.note?.trim();
  if (note) event.note = note;
  const sourceRef = draft.sourceRef?.trim();
  if (sourceRef) event.sourceRef = sourceRef;
  return event;
}
