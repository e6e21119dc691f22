import type { Scheme } from '../scheme/parseScheme';
import type { Finding, ReviewState, Roster } from '../model/finding';
import { parseInstant } from '../time/parseInstant';
import { indexRoster } from '../model/rosterIndex';
import { place } from '../access/checkEvent';
import { compareEvents } from './applyEvent';
import { localDay } from '../time/deadline';
import type { FindingAcknowledged, FindingEvent } from './events';
import { findingPoints } from '../scoring/findingPoints';
import type { FindingPoints } from '../scoring/findingPoints';
import { foldSteps } from './foldSteps';

type Named = { id: string; name: string };

/** One finding on a violation notice: a row of 003 附件2. */
export interface NoticeLine {
  findingId: string;
  /** When the act was observed: the instant, and as the hall reads it (YYYY-MM-DD HH:mm, hall time). */
  observedAt: string;
  time: string;
  unit: Named | null;
  window: (Named & { number: string }) | null;
  staff: Named | null;
  /** The item and the regulation's clause; null when the scheme version is not known here. */
  item: { schemeId: string; schemeVersion: number; id: string; name: string; text: string; clause: string } | null;
  points: FindingPoints | null;
  evidence: { photos: string[]; note?: string };
  inspector: { accountId: string; name: string | null };
  /** The finding's review state now (a signed finding can still be contested, decided, amended). */
  state: ReviewState;
  /** Whether this finding's signature applied, or why not (it was contested or voided first). */
  acknowledgement: { eventId: string; applied: boolean; reason?: string };
}

/** A violation notice (违规违纪通知单, 003 附件2), derived from events, roster and schemes: nothing is stored twice. */
export interface Notice {
  noticeId: string;
  hall: Named;
  /** The visit's unit and window when every finding shares them (a notice is for one visit), else null. */
  unit: Named | null;
  window: (Named & { number: string }) | null;
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
  problems: string[];
}

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
  const problems: string[] = [];
  const lines: NoticeLine[] = [];
  const findingIds = [...new Set(acks.map((a) => a.findingId))];
  for (const findingId of findingIds) {
    const ack = acks.find((a) => a.findingId === findingId) ?? first;
    if (ack.signature !== first.signature || ack.signerName !== first.signerName) {
      problems.push(`finding ${findingId} was signed by ${ack.signerName} with another signature than the notice's first (${first.signerName})`);
    }
    const trace = foldSteps(events.filter((e) => e.findingId === findingId));
    const r = trace.recorded;
    if (!r || !trace.state) {
      problems.push(`finding ${findingId} is signed on this notice but its recording is not here`);
      continue;
    }
    const step = trace.steps.find((s) => s.event.id === ack.id);
    const p = place(r, index);
    const unit = p.unitId ? index.find('unit', p.unitId) : undefined;
    const win = p.windowId ? roster.windows.find((w) => w.id === p.windowId) : undefined;
    const staff = r.staffId ? index.find('staff', r.staffId) : undefined;
    const scheme = schemes.find((s) => s.id === r.schemeId && s.version === r.schemeVersion);
    const item = scheme?.items.find((i) => i.id === r.itemId);
    if (!item) problems.push(`item ${r.itemId} of ${r.schemeId} v${r.schemeVersion} is not known here`);
    const finding: Finding = { id: findingId, itemId: r.itemId, at: r.observedAt, state: trace.state };
    if (r.staffId) finding.staffId = r.staffId;
    if (r.windowId) finding.windowId = r.windowId;
    if (r.unitId) finding.unitId = r.unitId;
    if (r.inputs) finding.inputs = r.inputs;
    const line: NoticeLine = {
      findingId,
      observedAt: r.observedAt,
      time: localDateTime(r.observedAt, tz),
      unit: unit ? { id: unit.id, name: unit.name } : null,
      window: win ? { id: win.id, name: win.name ?? `${win.number}号窗口`, number: win.number } : null,
      staff: staff ? { id: staff.id, name: staff.name } : null,
      item: item ? { schemeId: r.schemeId, schemeVersion: r.schemeVersion, id: item.id, name: item.name, text: item.text, clause: item.clause } : null,
      points: scheme ? findingPoints(scheme, index, finding) : null,
      evidence: r.note ? { photos: r.photos, note: r.note } : { photos: r.photos },
      inspector: { accountId: r.actorId, name: accounts.find((a) => a.id === r.actorId)?.name ?? null },
      state: trace.state,
      acknowledgement: { eventId: ack.id, applied: step?.applied ?? false, ...(step?.reason ? { reason: step.reason } : {}) },
    };
    lines.push(line);
  }
  const same = <T extends { id: string }>(get: (l: NoticeLine) => T | null): T | null => {
    const v = lines[0] ? get(lines[0]) : null;
    return v && lines.every((l) => get(l)?.id === v.id) ? v : null;
  };
  const person = first.signerId ? (index.find('chief', first.signerId) ?? index.find('staff', first.signerId)) : undefined;
  if (first.signerId && !person) problems.push(`signer ${first.signerId} is not in the roster`);
  const points = lines.map((l) => l.points?.points ?? null);
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
    date: localDateTime(first.at, tz).slice(0, 10),
    problems,
  };
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD HH:mm of an instant in the hall's time zone. */
function localDateTime(instant: string, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, f);
  }
  const [y, m, d] = localDay(instant, timeZone);
  const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return `${day} ${f.format(parseInstant(instant))}`;
}
