import { useMoreWords } from '../../i18n/useMoreWords';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { formatDateTime } from '../../format/formatDateTime';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { findingFacts } from './findingFacts';
import { PointsText } from './PointsText';
import { StateBadge } from './StateBadge';
import { useAccountName } from '../../services/usePulledHall';

/** One finding in the review list: tap to open it; a check box picks it for the notice being signed. */
export function ReviewRow({ f, selectable, selected, onSelect }: { f: LoggedFinding; selectable: boolean; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t, i18n } = useMoreWords();
  const { hall, schemes } = useServices();
  const open = usePatrol((s) => s.setReviewing);
  const nameOf = useAccountName();
  const facts = findingFacts(f, hall, schemes);
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
        <span className="review-when">{formatDateTime(f.at, hall.hall.roster.hall.timeZone, i18n.language)}</span>
        <span className="review-what">
          <strong>{name}</strong> · {t('log.window', { number: facts.windowNumber })} · {facts.subject}
          <small className="muted"> · {t('review.inspector', { name: nameOf(f.actorId) })}</small>
        </span>
        <PointsText points={facts.points} state={f.state} />
        <StateBadge state={f.state} />
      </button>
    </li>
  );
}
