import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useScoreState } from '../../services/useScoreState';
import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import { compareSubjects } from '../../../core/scoring/compareSubjects';
import { formatPoints } from '../../format/formatPoints';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { subjectInScope } from './subjectInScope';

/** This month's provisional results of every scheme in force, per table; a row opens its explanation. */
export function ScoresView() {
  const { t } = useMoreWords();
  const { schemes, account, hall } = useServices();
  const state = useScoreState();
  const setExplain = usePatrol((s) => s.setExplain);
  const tabs = schemes.flatMap((s) => s.scheme.tables.map((table) => ({ key: `${s.scheme.id}/${table.subject}`, scheme: s.scheme, table })));
  const [tab, setTab] = useState(tabs[0]?.key ?? '');
  const current = tabs.find((x) => x.key === tab) ?? tabs[0];
  const results = state.results.find((r) => r.schemeId === current?.scheme.id);
  // The engine's order (rank, total, id), applied here too so every device lists a table identically.
  // A chief's "my unit's scores": only their units/windows (ranks stay the hall's).
  const mine = (r: { subject: SubjectKind; subjectId: string; unitId: string }): boolean => !account || subjectInScope(account, hall, r);
  const rows = (results?.subjects.filter((r) => r.subject === current?.table.subject && mine(r)) ?? []).sort(compareSubjects);
  return (
    <section className="scores" aria-labelledby="scores-heading">
      <h2 id="scores-heading">
        {t('scores.heading', { period: state.periodKey ?? '' })}
        {state.pending && <small className="muted"> {t('scores.updating')}</small>}
      </h2>
      <p className="muted">{t('scores.provisional')}</p>
      {account?.role === 'chief' && <p className="muted">{t('scores.chiefScope')}</p>}
      {state.error && <p role="alert">{t('scores.error', { message: state.error })}</p>}
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x.key} type="button" role="tab" aria-selected={x.key === current?.key} className="tab" onClick={() => setTab(x.key)}>
            {t(`subject.${x.table.subject}`)} · {x.table.name}
          </button>
        ))}
      </div>
      {current && <p className="muted scheme-title">{current.scheme.title}</p>}
      <table className="score-table">
        <thead>
          <tr>
            <th scope="col">{t('scores.rank')}</th>
            <th scope="col">{t('scores.name')}</th>
            <th scope="col">{t('scores.total')}</th>
            <th scope="col">{t('scores.pending')}</th>
            <th scope="col">{t('scores.grade')}</th>
            <th scope="col">{t('scores.findings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.subjectId}>
              <td>{r.rank}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => current && setExplain({ schemeId: current.scheme.id, subject: r.subject, subjectId: r.subjectId })}
                  aria-label={
                    r.pending !== 0
                      ? t('scores.explainOfPending', { name: r.name, total: r.total, pending: formatPoints(r.pending) })
                      : t('scores.explainOf', { name: r.name, total: r.total })
                  }
                >
                  {r.name}
                </button>
                {r.flags.length > 0 && <span className="flag"> ⚑ {r.flags.map((f) => f.text).join('；')}</span>}
              </td>
              <td className="num">{r.total}</td>
              <td className="num pending">{r.pending !== 0 ? formatPoints(r.pending) : ''}</td>
              <td>{r.gradeName ?? ''}</td>
              <td className="num">{r.findingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
