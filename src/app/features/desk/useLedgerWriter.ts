import { useCallback } from 'react';
import type { IndexedRefusal } from '../../../device/actRefused';
import { ActRefused } from '../../../device/actRefused';
import type { FindingDraft } from '../../../device/recordFinding';
import { isStorageFull } from '../../../device/storageFull';
import { useServices } from '../../services/useServices';

/** What became of a write: every draft recorded, or nothing (refused by the core, with each refusal's draft; or the disk). */
export type WriteOutcome = { kind: 'saved'; count: number } | { kind: 'refused'; refusals: readonly IndexedRefusal[] } | { kind: 'storage-full' } | { kind: 'failed' };

/**
 * Write ledger entries as the office account's recordings through the device's one door (recordAll): each checked
 * by the core as the server will at push, then all stored in one transaction with their outbox rows; one refusal
 * stores none. Synced like a tablet's findings, offline too.
 */
export function useLedgerWriter(): (drafts: readonly FindingDraft[]) => Promise<WriteOutcome> {
  const { device } = useServices();
  return useCallback(
    async (drafts) => {
      try {
        const saved = await device.recordAll(drafts);
        return { kind: 'saved', count: saved.length };
      } catch (err) {
        if (err instanceof ActRefused) return { kind: 'refused', refusals: err.refusals };
        return isStorageFull(err) ? { kind: 'storage-full' } : { kind: 'failed' };
      }
    },
    [device],
  );
}
