import type { ContestDecided, ContestReopened, FindingAcknowledged, FindingContested, FindingRectified, FindingVoided } from '../../core/events/events';
import type { VoidCode } from '../../core/events/voidCodes';
import type { PatrolDevice } from '../patrolDevice';

/** Who acts: the signed-in account, or in hand-over the chief unlocked with their PIN. */
export interface Acting {
  actorId: string;
}

const base = (device: PatrolDevice, acting: Acting, findingId: string) => ({
  id: device.newId(),
  at: device.clock().toISOString(),
  actorId: acting.actorId,
  deviceId: device.identity.deviceId,
  findingId,
});

/** The author withdraws their finding, saying why by a code (the undo bar: `undone`). */
export function voidEvent(device: PatrolDevice, acting: Acting, findingId: string, code: VoidCode): FindingVoided {
  return { ...base(device, acting, findingId), type: 'finding.voided', code };
}

/** One notice: a `finding.acknowledged` per finding, all with the same notice id, signer and signature image. */
export function acknowledgeEvents(
  device: PatrolDevice,
  acting: Acting,
  findingIds: readonly string[],
  sign: { noticeId: string; signerName: string; signature: string; signerId?: string },
): FindingAcknowledged[] {
  return findingIds.map((findingId) => {
    const e: FindingAcknowledged = { ...base(device, acting, findingId), type: 'finding.acknowledged', noticeId: sign.noticeId, signerName: sign.signerName, signature: sign.signature };
    if (sign.signerId) e.signerId = sign.signerId;
    return e;
  });
}

/** A contest with its reason and counter-evidence photo hashes. */
export function contestEvent(device: PatrolDevice, acting: Acting, findingId: string, reason: string, photos: readonly string[]): FindingContested {
  return { ...base(device, acting, findingId), type: 'finding.contested', reason, photos: [...photos] };
}

/** The committee's decision on a contest. */
export function decisionEvent(
  device: PatrolDevice,
  acting: Acting,
  findingId: string,
  decision: ContestDecided['decision'],
  reason: string,
  amended?: ContestDecided['amended'],
): ContestDecided {
  const e: ContestDecided = { ...base(device, acting, findingId), type: 'contest.decided', decision, reason };
  if (decision === 'amend' && amended) e.amended = amended;
  return e;
}

/** A committee member reopens a decided contest with a reason; the finding is contested (pending) again. */
export function reopenEvent(device: PatrolDevice, acting: Acting, findingId: string, reason: string): ContestReopened {
  return { ...base(device, acting, findingId), type: 'contest.reopened', reason };
}

/** The follow-up (限期整改) was completed, with an optional note of what was done. */
export function rectifyEvent(device: PatrolDevice, acting: Acting, findingId: string, note?: string): FindingRectified {
  const e: FindingRectified = { ...base(device, acting, findingId), type: 'finding.rectified' };
  if (note) e.note = note;
  return e;
}
