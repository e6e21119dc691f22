import type { Refusal } from '../../../core/access/refusal';
import type { ContestDecided, FindingEvent } from '../../../core/events/events';
import { sha256Hex } from '../../../device/photos/sha256Hex';
import type { PreparedPhoto } from '../../../device/photos/preparedPhoto';
import { checkOnDevice } from '../../../device/review/checkOnDevice';
import { acknowledgeEvents, contestEvent, decisionEvent, rectifyEvent, reopenEvent } from '../../../device/review/reviewEvents';
import { writeReviewEvents } from '../../../device/review/writeReviewEvents';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { useActing } from './useActing';
import { usePulledHall } from './useAccounts';

/** Thrown when the device refuses an act the server would refuse too, with checkEvent's reason. */
export class ActRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
    this.name = 'ActRefused';
  }
}

/** The review acts, written under the acting account: checked as the server will check them, then stored with their outbox rows. */
export function useReviewActs() {
  const { device, hall, schemes } = useServices();
  const acting = useActing();
  const { review } = usePulledHall();
  const handOver = usePatrol((s) => s.handOver);
  const write = async (unsigned: FindingEvent[], photos: PreparedPhoto[] = []): Promise<void> => {
    // Under a hand-over the chief's acts carry the chief's signature: the server accepts nothing else in their name.
    const events = handOver && acting.id === handOver.id ? await Promise.all(unsigned.map((e) => handOver.sign(e))) : unsigned;
    const refused = await checkOnDevice(device.db, events, {
      roster: hall.hall.roster,
      schemes: schemes.map((s) => s.scheme),
      acting,
      deviceId: device.identity.deviceId,
      review,
      now: device.clock().toISOString(),
    });
    if (refused) throw new ActRefused(refused);
    await writeReviewEvents(device, events, photos);
  };
  return {
    /** Sign one notice for these findings of one visit; the signature image becomes a content-addressed photo. */
    async acknowledge(findingIds: readonly string[], signerName: string, png: Blob, signerId?: string): Promise<string> {
      const hash = await sha256Hex(png);
      const photo: PreparedPhoto = { hash, blob: png, type: 'image/png', bytes: png.size, width: 0, height: 0 };
      const noticeId = `N-${device.newId()}`;
      const sign: { noticeId: string; signerName: string; signature: string; signerId?: string } = { noticeId, signerName, signature: hash };
      if (signerId) sign.signerId = signerId;
      await write(acknowledgeEvents(device, { actorId: acting.id }, findingIds, sign), [photo]);
      return noticeId;
    },
    async contest(findingId: string, reason: string, photos: PreparedPhoto[]): Promise<void> {
      await write([contestEvent(device, { actorId: acting.id }, findingId, reason, photos.map((p) => p.hash))], photos);
    },
    async decide(findingId: string, decision: ContestDecided['decision'], reason: string, amended?: ContestDecided['amended']): Promise<void> {
      await write([decisionEvent(device, { actorId: acting.id }, findingId, decision, reason, amended)]);
    },
    async reopen(findingId: string, reason: string): Promise<void> {
      await write([reopenEvent(device, { actorId: acting.id }, findingId, reason)]);
    },
    async rectify(findingId: string, note?: string): Promise<void> {
      await write([rectifyEvent(device, { actorId: acting.id }, findingId, note)]);
    },
  };
}
