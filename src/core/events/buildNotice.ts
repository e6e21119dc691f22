import type { Scheme } from '../scheme/parseScheme';
import { displayText } from '../scheme/displayText';
import type { ReviewState } from '../model/finding';
import { place } from '../model/placement';
import type { Roster } from '../model/roster';
import { indexRoster } from '../model/rosterIndex';
import { findingPoints } from '../scoring/findingPoints';
import type { FindingPoints } from '../scoring/findingPoints';
import { hallDateTime } from '../time/hallDay';
import { compareEvents } from './applyEvent';
import type { Ignored } from './applyEvent';
import type { FindingAcknowledged, FindingEvent } from './events';
import { foldFinding } from './foldFinding';
import { foldSteps } from './foldSteps';

type Named = { id: string; name: string };

/** One finding on a violation notice: a row of 003 附件2. */
export interface NoticeLine {
  findingId: string;
  /** When the act was observed: the instant, and as the hall reads it (YYYY-MM-DD HH:mm, hall time). */
  observedAt: string;
  time: string;
  unit: Named | null;
  /** The window's number, and its name when the roster gives one (else the screens word it by its number). */
  window: { id: string; number: string; name: string | null } | null;
  staff: Named | null;
  /** The item and the regulation's clause; null when the scheme version is not known here. */
  /** `text`: the wording printed on the notice (the item's display text); `verbatim`: the regulation's own, for the record. */
  item: { schemeId: string; schemeVersion: number; id: string; name: string; text: string; verbatim: string; clause: string } | null;
  points: FindingPoints | null;
  evidence: { photos: string[]; note?: string };
  inspector: { accountId: string; name: string | null };
  /** The finding's review state now (a signed finding can still be contested, decided, amended). */
  state: ReviewState;
  /** Whether this finding's signature applied, or why not (it was contested or voided first). */
  acknowledgement: { eventId: string; applied: boolean; ignored?: Ignored };
}

/** A violation notice (违规违纪通知单, 003 附件2), derived from events, roster and schemes: nothing is stored twice. */
export interface Notice {
  noticeId: string;
  hall: Named;
  /** The visit's unit and window when every finding shares them (a notice is for one visit), else null. */
  unit: Named | null;
  window: NoticeLine['window'];
  lines: NoticeLine[];
  /** The sum of the lines' own points when every line has them, else null (some wait for the period). */
  totalPoints: number | null;
  signer: {
    name: string;
    /** SHA-256 of the signature image (GET /api/photos/<hash>). */
    signature: string;
    /** The roster person who signed and in what capacity, when the signing named them. */
    person: Named | null;
    capacity: 'chief' | 'staff' | null;
    accountId: string;
    deviceId: string;
  };
  /** When it was signed: the instant, and the date printed beside the signature (hall time). */
  signedAt: string;
  date: string;
  /** Inconsistencies worth a look (two signatures under one notice number, a finding not here): never hidden. */
  problems: NoticeProblem[];
}

/** An inconsistency of a notice, as data (the screens word it). */
export type NoticeProblem =
  /** A finding signed under this notice number with another signature or signer name than the first. */
  | { kind: 'other-signature'; findingId: string; signerName: string; firstSignerName: string }
  /** A finding signed on this notice whose recording is not among the events at hand. */
  | { kind: 'recording-missing'; findingId: string }
  /** The item of a finding is not in any scheme version known here. */
  | { kind: 'item-unknown'; findingId: string; itemId: string; schemeId: string; schemeVersion: number }
  /** The signer picked from the roster is not in it. */
  | { kind: 'signer-unknown'; signerId: string };

/**
 * The notice `noticeId` from all events at hand (any findings; those acknowledged under the notice are picked), the
 * roster and the schemes, and optionally the accounts for the inspector's name. Null when no acknowledgement carries
 * the notice id. Pure: the tablet prints it offline and the server serves the same.
 */
export function buildNotice(
  noticeId: string,
  events: readonly FindingEvent[],
  roster: Roster,
  schemes: readonly Scheme[],
  accounts: readonly Named[] = [],
): Notice | null {
  const acks = events.filter((e): e is FindingAcknowledged => e.type === 'finding.acknowledged' && e.noticeId === noticeId).sort(compareEvents);
  const first = acks[0];
  if (!first) return null;
  const tz = roster.hall.timeZone;
  const index = indexRoster(roster);
  const problems: NoticeProblem[] = [];
  const lines: NoticeLine[] = [];
  const findingIds = [...new Set(acks.map((a) => a.findingId))];
  for (const findingId of findingIds) {
    const ack = acks.find((a) => a.findingId === findingId) ?? first;
    if (ack.signature !== first.signature || ack.signerName !== first.signerName) {
      problems.push({ kind: 'other-signature', findingId, signerName: ack.signerName, firstSignerName: first.signerName });
    }
    const mine = events.filter((e) => e.findingId === findingId);
    const trace = foldSteps(mine);
    const folded = foldFinding(mine);
    const r = trace.recorded;
    if (!r || !trace.state || !folded) {
      problems.push({ kind: 'recording-missing', findingId });
      continue;
    }
    const step = trace.steps.find((s) => s.event.id === ack.id);
    const p = place(r, index);
    const unit = p.unitId ? index.find('unit', p.unitId) : undefined;
    const win = p.windowId ? index.window(p.windowId) : undefined;
    const staff = r.staffId ? index.find('staff', r.staffId) : undefined;
    const scheme = schemes.find((s) => s.id === r.schemeId && s.version === r.schemeVersion);
    const item = scheme?.items.find((i) => i.id === r.itemId);
    if (!item) problems.push({ kind: 'item-unknown', findingId, itemId: r.itemId, schemeId: r.schemeId, schemeVersion: r.schemeVersion });
    const line: NoticeLine = {
      findingId,
      observedAt: r.observedAt,
      time: hallDateTime(r.observedAt, tz),
      unit: unit ? { id: unit.id, name: unit.name } : null,
      window: win ? { id: win.id, number: win.number, name: win.name ?? null } : null,
      staff: staff ? { id: staff.id, name: staff.name } : null,
      item: item ? { schemeId: r.schemeId, schemeVersion: r.schemeVersion, id: item.id, name: item.name, text: displayText(item), verbatim: item.text, clause: item.clause } : null,
      points: scheme ? findingPoints(scheme, index, folded.finding) : null,
      evidence: r.note ? { photos: r.photos, note: r.note } : { photos: r.photos },
      inspector: { accountId: r.actorId, name: accounts.find((a) => a.id === r.actorId)?.name ?? null },
      state: trace.state,
      acknowledgement: { eventId: ack.id, applied: step?.applied ?? false, ...(step?.ignored ? { ignored: step.ignored } : {}) },
    };
    lines.push(line);
  }
  const same = <T extends { id: string }>(get: (l: NoticeLine) => T | null): T | null => {
    const v = lines[0] ? get(lines[0]) : null;
    return v && lines.every((l) => get(l)?.id === v.id) ? v : null;
  };
  const person = first.signerId ? (index.find('chief', first.signerId) ?? index.find('staff', first.signerId)) : undefined;
  if (first.signerId && !person) problems.push({ kind: 'signer-unknown', signerId: first.signerId });
  const points = lines.map((l) => (l.points?.kind === 'points' ? l.points.points : null));
  return {
    noticeId,
    hall: { id: roster.hall.id, name: roster.hall.name },
    unit: same((l) => l.unit),
    window: same((l) => l.window),
    lines,
    totalPoints: points.length > 0 && points.every((x): x is number => x !== null) ? Math.round(points.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : null,
    signer: {
      name: first.signerName,
      signature: first.signature,
      person: person ? { id: person.id, name: person.name } : null,
      capacity: person ? (person.kind === 'chief' ? 'chief' : 'staff') : null,
      accountId: first.actorId,
      deviceId: first.deviceId,
    },
    signedAt: first.at,
    date: hallDateTime(first.at, tz).slice(0, 10),
    problems,
  };
}
