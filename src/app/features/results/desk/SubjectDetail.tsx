import type { Table } from '../../../../core/scheme/schemeSchema';
import type { SubjectResult, SubjectScore } from '../../../../core/scoring/results';
import { consequencesText } from '../../../../words/resultTable';
import { flagSourceText, flagText } from '../../../../words/flagText';
import { usePatrol } from '../../../store/usePatrol';
import { ExplanationLineView } from '../ExplanationLineView';
import { TrendChart } from './TrendChart';
import { useRemote } from './useRemote';
import { useResultsWords } from './useResultsWords';

/**
 * One subject of the ranking in full: category subtotals, consequences with what raised them, every line of the
 * explanation (each finding with a button to its evidence and history), and the trend of its months. The ranking
 * carries no lines: `explain` brings this subject's (the server's explanation route, or the published revision's own),
 * asked again when `source` changes.
 */
export function SubjectDetail({ subject, table, schemeId, period, source, explain, onClose }: { subject: SubjectScore; table: Table; schemeId: string; period: string; source: string; explain: () => Promise<SubjectResult>; onClose: () => void }) {
  const { t, r } = useResultsWords();
  const setReviewing = usePatrol((s) => s.setReviewing);
  const full = useRemote(`${source}|${subject.subject}|${subject.subjectId}`, explain);
  const lines = full.data?.explanation ?? [];
  const findings = lines.filter((l) => l.kind === 'finding' || l.kind === 'follow-up').length;
  return (
    <aside className="subject-detail" aria-labelledby="subject-title">
      <header className="panel-header">
        <h3 id="subject-title">
          {subject.name} <span className="num">{r('detail.total', { total: subject.total })}</span>
        </h3>
        <button type="button" className="button ghost close" onClick={onClose} aria-label={r('detail.close')}>
          ×
        </button>
      </header>
      <p>
        {subject.gradeName && <span className="grade">{subject.gradeName}</span>} {r('detail.rank', { rank: subject.rank })}
        {subject.pending !== 0 && <span className="pending"> · {r('detail.pending', { points: subject.pending })}</span>}
      </p>
      <ul className="categories">
        {subject.categories.map((c) => (
          <li key={c.id}>
            <span>{c.name}</span>
            <span className="num">
              {c.score} / {c.points}
            </span>
          </li>
        ))}
        {subject.bonus !== 0 && (
          <li>
            <span>{r('table.bonus')}</span>
            <span className="num">{subject.bonus}</span>
          </li>
        )}
      </ul>
      {subject.flags.length > 0 && (
        <section aria-label={r('table.consequences')} className="consequences">
          <h4>{r('table.consequences')}</h4>
          <ul>
            {subject.flags.map((f, i) => (
              <li key={i}>
                <strong>{t(`explainLines.flag.kind.${f.kind}`)}</strong> {flagText(f, t)} <small className="muted">{flagSourceText(f.source, t)}</small>
              </li>
            ))}
          </ul>
          <p className="sr-only">{consequencesText(subject, t)}</p>
        </section>
      )}
      <TrendChart schemeId={schemeId} table={table} subjectId={subject.subjectId} period={period} />
      <h4>{r('detail.explanation', { count: findings })}</h4>
      {full.loading && <p className="muted">{r('load.loading')}</p>}
      {full.error && <p role="alert">{r('load.failed', { message: full.error })}</p>}
      {!full.data ? null : lines.length === 0 ? (
        <p className="muted">{r('detail.nothing')}</p>
      ) : (
        <ol className="explanation">
          {lines.map((line, i) => (
            <ExplanationLineView key={i} line={line}>
              {(line.kind === 'finding' || line.kind === 'follow-up') && (
                <button type="button" className="button secondary evidence" onClick={() => setReviewing(line.findingId)}>
                  {r('detail.evidence')}
                </button>
              )}
            </ExplanationLineView>
          ))}
        </ol>
      )}
    </aside>
  );
}
