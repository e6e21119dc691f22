import type { TFunction } from 'i18next';
import type { Refusal } from '../../core/access/refusal';
import type { Ignored } from '../../core/events/applyEvent';
import type { PlacementProblem } from '../../core/model/placement';
import type { InputProblem } from '../../core/scheme/ruleInputs';
import { formatDateTime } from './formatDateTime';

/** How to name people and times in a reason: an account's display name, and the hall's clock. */
export interface ReasonContext {
  nameOf: (accountId: string) => string;
  timeZone: string;
  language: string;
}

/** Why an act is refused, in the screen's language (the core says why as data). */
export function refusalWords(r: Refusal, t: TFunction, c: ReasonContext): string {
  const k = 'refusals.refusal';
  switch (r.kind) {
    case 'role':
      return t(`${k}.role`, { role: t(`refusals.role.${r.role}`), act: t(`refusals.act.${r.act}`) });
    case 'clock-ahead':
      return t(`${k}.clock-ahead`, { minutes: r.minutes });
    case 'contest-closed':
      return t(`${k}.contest-closed`, { lastDay: r.lastDay, days: r.days });
    case 'contest-arrived-late':
      return t(`${k}.contest-arrived-late`, { lastDay: r.lastDay, hours: r.graceHours });
    case 'scheme-unknown':
      return t(`${k}.scheme-unknown`, { scheme: r.schemeId, version: r.schemeVersion });
    case 'scheme-version-not-in-force':
      return r.inForce === null
        ? t(`${k}.scheme-not-in-force`, { scheme: r.schemeId, day: r.day })
        : t(`${k}.scheme-version-not-in-force`, { scheme: r.schemeId, version: r.schemeVersion, day: r.day, inForce: r.inForce });
    case 'item-unknown':
      return t(`${k}.item-unknown`, { item: r.itemId });
    case 'no-subject':
      return t(`${k}.no-subject`, { subject: t(`subject.${r.subject}`) });
    case 'inputs':
      return r.problems.map((p) => inputProblemWords(p, t)).join(t('list.separator'));
    case 'placement':
      return r.problems.map((p) => placementWords(p, t)).join(' ');
    case 'fold':
      return ignoredWords(r.ignored, t, c);
    case 'office':
      return r.source === 'patrol' ? t(`${k}.office-patrol`) : t(`${k}.office`, { office: r.office });
    case 'observed-ahead':
      return t(`${k}.observed-ahead`, { at: formatDateTime(r.observedAt, c.timeZone, c.language) });
    case 'period-published':
      return t(`${k}.period-published`, { period: r.period });
    case 'source-missing':
    case 'unknown-actor':
    case 'scope':
    case 'before-recording':
    case 'finding-unknown':
    case 'amendment-empty':
      return t(`${k}.${r.kind}`);
  }
}

/** Why the fold did not apply an act (the audit trail's "not applied" and an act's refusal). */
export function ignoredWords(i: Ignored, t: TFunction, c: ReasonContext): string {
  const k = 'refusals.ignored';
  switch (i.kind) {
    case 'no-recording':
    case 'second-recording':
      return t(`${k}.${i.kind}`);
    case 'not-author':
      return t(`${k}.not-author`, { author: c.nameOf(i.author) });
    case 'own-finding':
      return t(`${k}.own-finding`, { author: c.nameOf(i.author), act: t(`refusals.act.${i.act}`) });
    case 'already-rectified':
      return t(`${k}.already-rectified`, { at: formatDateTime(i.at, c.timeZone, c.language) });
    case 'state': {
      const words = { state: t(`refusals.state.${i.state}`), act: t(`refusals.act.${i.act}`) };
      if (!i.by) return t(`${k}.state`, words);
      return t(`${k}.stateBy`, { ...words, by: t(`review.event.${i.by.type}`), name: c.nameOf(i.by.actorId), at: formatDateTime(i.by.at, c.timeZone, c.language) });
    }
  }
}

/** One input problem, as shown beside its field. */
export function inputProblemWords(p: InputProblem, t: TFunction): string {
  return t(`inputs.problem.${p.kind}`, { limit: p.limit ?? '' });
}

function placementWords(p: PlacementProblem, t: TFunction): string {
  return p.kind === 'unknown' ? t('refusals.placement.unknown', { subject: t(`subject.${p.subject}`), id: p.id }) : t('refusals.placement.unitsDiffer');
}
