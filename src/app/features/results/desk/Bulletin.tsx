import { createPortal } from 'react-dom';
import type { PublicationSummary } from '../../../../core/publish/publication';
import type { Scheme } from '../../../../core/scheme/parseScheme';
import type { PeriodScores } from '../../../../core/scoring/results';
import { resultTable } from '../../../../words/resultTable';
import { useServices } from '../../../services/useServices';
import { periodText } from '../../../../words/periodText';
import { useResultsWords } from './useResultsWords';

/** The columns a bulletin prints of a ranking (the full table stays in the exports). */
const COLUMNS = ['rank', 'name', 'unit', 'total', 'grade', 'consequences'];

/**
 * The monthly bulletin (通报): the hall's name, the period, the scheme, every table's ranking with grades and the
 * consequences the regulation names, the grade quota, the publication's revision and digest, and the date. A page of
 * its own over the app; printing it (print CSS) prints this page only, on A4.
 */
export function Bulletin({ scheme, results, publication, onClose }: { scheme: Scheme; results: PeriodScores; publication: PublicationSummary | null; onClose: () => void }) {
  const { t, r, language } = useResultsWords();
  const { hall } = useServices();
  const roster = hall.setup.roster;
  const period = periodText(results.period.key, r);
  const tables = scheme.tables.filter((tb) => results.subjects.some((s) => s.subject === tb.subject)).map((tb) => resultTable(tb, scheme.tables, results, roster, t, r));
  const flagged = results.subjects.filter((s) => s.flags.length > 0);
  const date = new Intl.DateTimeFormat(language, { timeZone: roster.hall.timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(publication ? Date.parse(publication.publishedAt) : Date.now());
  return createPortal(
    <div className="bulletin-host">
      <div className="bulletin-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {r('bulletin.print')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {r('bulletin.close')}
        </button>
      </div>
      <article className="bulletin" aria-labelledby="bulletin-title">
        <h1 id="bulletin-title">{r('bulletin.title', { hall: roster.hall.name, period })}</h1>
        <p className="bulletin-meta">
          {r('sheet.scheme', { title: scheme.title, version: results.schemeVersion })}
          <br />
          {publication ? r('bulletin.revision', { revision: publication.revision }) : <strong>{r('bulletin.unpublished')}</strong>}
          {publication?.reason && ` ${r('bulletin.reason', { reason: publication.reason })}`}
        </p>
        <p>{r('bulletin.intro', { hall: roster.hall.name, period })}</p>
        {tables.map((rt) => (
          <section key={rt.table.subject} className="bulletin-table">
            <h2>{rt.table.name}</h2>
            {rt.quota && <p className="quota-line">{rt.quota}</p>}
            <table>
              <thead>
                <tr>
                  {rt.columns.filter((c) => COLUMNS.includes(c.key)).map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...rt.rows, ...rt.footer].map((row) => (
                  <tr key={`${row.average ? 'avg-' : ''}${row.subject.subjectId}`} className={row.average ? 'average' : undefined}>
                    {rt.columns.filter((c) => COLUMNS.includes(c.key)).map((c) => (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {row.cells[c.key] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <section className="bulletin-consequences">
          <h2>{r('bulletin.consequences')}</h2>
          {flagged.length === 0 ? (
            <p>{r('bulletin.noConsequences')}</p>
          ) : (
            <ol>
              {flagged.map((s) => (
                <li key={`${s.subject}:${s.subjectId}`}>
                  {r('bulletin.consequenceLine', { name: s.name, subject: r(`subject.${s.subject}`) })}
                  {s.flags.map((f) => `${t(`explainLines.flag.kind.${f.kind}`)}（${f.text}）`).join('；')}
                </li>
              ))}
            </ol>
          )}
        </section>
        <footer className="bulletin-footer">
          {publication && <p className="digest">{r('bulletin.digest', { events: publication.eventCount, digest: publication.digest })}</p>}
          <p className="bulletin-signature">
            {r('bulletin.issuer', { hall: roster.hall.name })}
            <br />
            {date}
          </p>
        </footer>
      </article>
    </div>,
    document.body,
  );
}
