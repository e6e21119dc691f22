import { useMoreWords } from '../../i18n/useMoreWords';
import { usePatrol } from '../../store/usePatrol';
import { useFindingEvents } from './useFindingEvents';

/** The notices signed for these findings, each opening its printable page. */
export function NoticeList({ findingIds }: { findingIds: readonly string[] }) {
  const { t } = useMoreWords();
  const open = usePatrol((s) => s.setNotice);
  const events = useFindingEvents(findingIds);
  const ids = [...new Set([...events.values()].flat().flatMap((e) => (e.type === 'finding.acknowledged' ? [e.noticeId] : [])))];
  if (ids.length === 0) return null;
  return (
    <section className="notice-list">
      <h3>{t('notice.signed')}</h3>
      <div className="chips">
        {ids.map((id) => (
          <button key={id} type="button" className="button secondary" onClick={() => open(id)}>
            {t('notice.open', { id: id.slice(-6) })}
          </button>
        ))}
      </div>
    </section>
  );
}
