import type { ContestDecided, FindingEvent } from '../../../core/events/events';
import { sha256Hex } from '../../../device/photos/sha256Hex';
import type { PreparedPhoto } from '../../../device/photos/preparedPhoto';
import { acknowledgeEvents, contestEvent, decisionEvent, rectifyEvent, reopenEvent } from '../../../device/review/reviewEvents';
import { useServices } from '../../services/useServices';
import { useActing } from '../../services/useActing';
import { usePatrol } from '../../store/usePatrol';

/**
 * The review acts, written by the device under the acting account: checked there as the server will check them
 * (refused with the reason, ActRefused), then stored with their photos and outbox rows.
 */
export function useReviewActs() {
  const { device } = useServices();
  const acting = useActing();
  const by = { actorId: acting.id };
  const handOver = usePatrol((st) => st.handOver);
  // Under a hand-over the chief's acts carry the chief's signature: the server accepts nothing else in their name.
  const signed = async (events: FindingEvent[]): Promise<FindingEvent[]> =>
    handOver && acting.id === handOver.id ? Promise.all(events.map((e) => handOver.sign(e))) : events;
  return {
    /** Sign one notice for these findings of one visit; the signature image becomes a content-addressed photo. */
    async acknowledge(findingIds: readonly string[], signerName: string, png: Blob, signerId?: string): Promise<string> {
      const hash = await sha256Hex(png);
      const photo: PreparedPhoto = { hash, blob: png, type: 'image/png', bytes: png.size, width: 0, height: 0 };
      const noticeId = `N-${device.newId()}`;
      const sign: { noticeId: string; signerName: string; signature: string; signerId?: string } = { noticeId, signerName, signature: hash };
      if (signerId) sign.signerId = signerId;
      await device.act(await signed(acknowledgeEvents(device, by, findingIds, sign)), [photo], acting);
      return noticeId;
    },
    async contest(findingId: string, reason: string, photos: PreparedPhoto[]): Promise<void> {
      await device.act(await signed([contestEvent(device, by, findingId, reason, photos.map((p) => p.hash))]), photos, acting);
    },
    async decide(findingId: string, decision: ContestDecided['decision'], reason: string, amended?: ContestDecided['amended']): Promise<void> {
      await device.act(await signed([decisionEvent(device, by, findingId, decision, reason, amended)]), [], acting);
    },
    async reopen(findingId: string, reason: string): Promise<void> {
      await device.act(await signed([reopenEvent(device, by, findingId, reason)]), [], acting);
    },
    async rectify(findingId: string, note?: string): Promise<void> {
      await device.act(await signed([rectifyEvent(device, by, findingId, note)]), [], acting);
    },
  };
}
