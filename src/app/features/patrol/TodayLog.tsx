import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../services/useToday';
import { LogEntry } from './LogEntry';

const PAGE = 100;

/** Today's findings, newest first, with void; a long day shows in pages. */
export function TodayLog() {
  const { t } = useTranslation();
  const today = useDeferredValue(useToday());
  const [shown, setShown] = useState(PAGE);
  const active = today.findings.filter((f) => f.state !== 'voided').length;
  return (
    <section className="today-log" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('log.heading', { count: active })}</h2>
      {today.findings.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <ol className="log-list">
          {today.findings.slice(0, shown).map((f) => (
            <LogEntry key={f.id} f={f} />
          ))}
        </ol>
      )}
      {today.findings.length > shown && (
        <button type="button" className="button secondary" onClick={() => setShown(shown + PAGE)}>
          {t('log.more', { count: today.findings.length - shown })}
        </button>
      )}
    </section>
  );
}
