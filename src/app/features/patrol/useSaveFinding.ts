import { useCallback } from 'react';
import { isStorageFull } from '../../../device/storageFull';
import { saveError } from './saveError';
import type { FindingDraft } from '../../../device/recordFinding';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { useItemsByKey } from '../../services/useItemsByKey';
import { useServices } from '../../services/useServices';
import { usePatrolStoreApi } from '../../store/usePatrolStoreApi';
import type { InputProblem } from '../../../core/scheme/ruleInputs';
import { readInputs } from '../../../core/scheme/ruleInputs';
import { subjectName } from './subjectName';

/** How long the undo bar stays. */
export const UNDO_MS = 6000;

export type SaveOutcome =
  | { kind: 'saved'; findingId: string }
  | { kind: 'need-person' }
  | { kind: 'need-photos' }
  | { kind: 'invalid'; problems: InputProblem[] }
  | { kind: 'failed' }
  | { kind: 'busy' };

/**
 * Save the panel's draft as a finding of `itemKey`. The subject follows the item: a person item needs the chosen
 * person; window, unit and chief items are charged through the window the panel is open on. On failure the draft is
 * kept as it was, so nothing typed or photographed is lost (a full disk is said plainly). When only the photos do not
 * fit, the finding is saved without them and the screen says so.
 */
export function useSaveFinding(): (itemKey: string) => Promise<SaveOutcome> {
  const { device, hall } = useServices();
  const itemsByKey = useItemsByKey();
  const store = usePatrolStoreApi();
  return useCallback(
    async (itemKey) => {
      const s = store.getState();
      const pi = itemsByKey.get(itemKey);
      const window = s.windowId ? hall.index.window(s.windowId) : undefined;
      if (!pi || !window || s.saving) return { kind: 'busy' };
      const { item } = pi;
      if (item.subject === 'staff' && !s.draft.staffId) return { kind: 'need-person' };
      if (s.draft.photosBusy > 0) return { kind: 'need-photos' };
      const read = readInputs(item.rule, s.draft.raw);
      if (!read.ok) return { kind: 'invalid', problems: read.problems };
      const draft: FindingDraft = {
        schemeId: pi.scheme.scheme.id,
        schemeVersion: pi.scheme.scheme.version,
        itemId: item.id,
        windowId: window.id,
        inputs: read.inputs,
        note: s.draft.note,
        photos: s.draft.photos,
      };
      if (item.subject === 'staff' && s.draft.staffId) draft.staffId = s.draft.staffId;
      if (item.subject === 'unit' || item.subject === 'chief') draft.unitId = window.unitId;
      s.setSaving(true);
      const onSaved = (saved: LoggedFinding): void => {
        const who = subjectName(hall, item.subject, saved);
        s.savedFinding({ findingId: saved.id, label: who ? `${item.name} · ${who}` : item.name, until: device.clock().getTime() + UNDO_MS });
      };
      try {
        const f = await device.record(draft, onSaved);
        return { kind: 'saved', findingId: f.id };
      } catch (err) {
        if (!isStorageFull(err) || draft.photos.length === 0) {
          s.setError(saveError(err));
          return { kind: 'failed' };
        }
      }
      // The photos did not fit (the quota ran out): the finding itself is a few hundred bytes, so it is kept without
      // them, and the screen says so. Nothing was stored of the first try (one transaction).
      try {
        const f = await device.record({ ...draft, photos: [] }, onSaved);
        s.setError('saved-without-photos');
        return { kind: 'saved', findingId: f.id };
      } catch (err) {
        s.setError(saveError(err));
        return { kind: 'failed' };
      }
    },
    [device, hall, itemsByKey, store],
  );
}
