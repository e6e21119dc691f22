import { useMoreWords } from '../../i18n/useMoreWords';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { formatDateTime } from '../../format/formatDateTime';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { useActs } from '../../services/useActs';
import { findingFacts } from './findingFacts';
import { PointsText } from './PointsText';
import { StateBadge } from './StateBadge';
import { useAccountName } from '../../services/usePulledHall';

/**
 * One finding in the review list: tap to open it; a check box picks it for the notice being signed, offered when the
 * core allows signing it now and it is of the visit (window) being signed.
 */
export function ReviewRow({ f, sameVisit, selected, onSelect }: { f: LoggedFinding; sameVisit: boolean; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t, i18n } = useMoreWords();
  const { hall, schemes } = useServices();
  const open = usePatrol((s) => s.setReviewing);
  const nameOf = useAccountName();
  const facts = findingFacts(f, hall, schemes);
  const acts = useActs(f);
  const selectable = sameVisit && acts?.acknowledge.ok === true;
  const name = facts.item?.name ?? f.itemId;
  return (
    <li className={`review-row state-${f.state}`}>
      {selectable ? (
        <label className="pick">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t('review.pick', { item: name })} />
        </label>
      ) : (
        <span className="pick" />
      )}
      <button type="button" className="review-open" onClick={() => open(f.id)} aria-label={t('review.openFinding', { item: name, who: facts.subject })}>
        <span className="review-when">{formatDateTime(f.at, hall.setup.roster.hall.timeZone, i18n.language)}</span>
        <span className="review-what">
          <strong>{name}</strong> · {t('log.window', { number: facts.windowNumber })} · {facts.subject}
          <small className="muted"> · {t('review.inspector', { name: nameOf(f.actorId) })}</small>
        </span>
        <PointsText points={facts.points} state={f.state} item={facts.item} />
        <StateBadge state={f.state} />
      </button>
    </li>
  );
}
