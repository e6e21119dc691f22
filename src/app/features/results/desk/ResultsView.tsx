import { useMemo, useState } from 'react';
import type { PeriodKind, SubjectKind } from '../../../../core/scheme/schemeSchema';
import type { PeriodResults, PeriodScores, SubjectResult, SubjectScore } from '../../../../core/scoring/results';
import { hallDay } from '../../../../core/time/hallDay';
import type { ResultsClient } from '../../../../device/results/resultsClient';
import { resultTable } from '../../../../words/resultTable';
import { periodText } from '../../../../words/periodText';
import { useServices } from '../../../services/useServices';
import { Bulletin } from './Bulletin';
import { ExportButtons } from './ExportButtons';
import { HeatMap } from './HeatMap';
import { lastEnded, periodChoices } from './periodChoices';
import { PublishPanel } from './PublishPanel';
import { RankingTable } from './RankingTable';
import { SubjectDetail } from './SubjectDetail';
import { useRemote } from './useRemote';
import { useResultsWords } from './useResultsWords';
import './results.css';

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];
const CHOICES: Record<PeriodKind, number> = { month: 24, quarter: 8, year: 3 };

/**
 * The results desk (office, committee, admin; a chief sees their own scope, as the server answers): a scheme, a month,
 * quarter or year, a table (staff, window, unit, chief); the ranking with subtotals, grades, pending contests and
 * consequences; a subject's findings, explanation and trend; the floor as a heat map of points lost; publishing,
 * exports and the printable bulletin. The published revision is shown when there is one, else the results now.
 */
export function ResultsView() {
  const { t, r } = useResultsWords();
  const { schemes, hall, account, openResults } = useServices();
  const roster = hall.setup.roster;
  const today = hallDay(new Date().toISOString(), roster.hall.timeZone);
  const [schemeId, setSchemeId] = useState(schemes[0]?.scheme.id ?? '');
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState(() => lastEnded('month', today));
  const [subject, setSubject] = useState<SubjectKind | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const scheme = schemes.find((s) => s.scheme.id === schemeId)?.scheme;
  const clientRemote = useRemote<ResultsClient>(openResults ? 'client' : null, () => (openResults ? openResults() : Promise.reject(new Error('offline'))));
  const client = clientRemote.data;
  const key = client && scheme ? `${scheme.id}|${period}` : null;
  const publications = useRemote(key, () => (client && scheme ? client.publications(scheme.id, period) : Promise.reject(new Error('no client'))));
  const latest = publications.data?.revisions[publications.data.revisions.length - 1] ?? null;
  const resultsKey = key && publications.data ? `${key}|${latest?.revision ?? 'live'}` : null;
  // A published revision carries its frozen lines; results now carry none (a subject's are asked for when opened).
  const loaded = useRemote<{ scores: PeriodScores; frozen: PeriodResults | null }>(resultsKey, async () => {
    if (!client || !scheme) throw new Error('no client');
    if (!latest) return { scores: await client.results(scheme.id, period), frozen: null };
    const { results: frozen } = await client.revision(scheme.id, period, latest.revision);
    return { scores: frozen, frozen };
  });
  const results = { ...loaded, data: loaded.data?.scores ?? null };
  const explain = (s: SubjectScore) => async (): Promise<SubjectResult> => {
    const frozen = loaded.data?.frozen?.subjects.find((x) => x.subject === s.subject && x.subjectId === s.subjectId);
    if (frozen) return frozen;
    if (!client || !scheme) throw new Error('no client');
    return client.explanation(scheme.id, period, s.subject, s.subjectId);
  };
  const tables = useMemo(() => scheme?.tables.filter((tb) => results.data?.subjects.some((s) => s.subject === tb.subject)) ?? [], [scheme, results.data]);
  const table = tables.find((tb) => tb.subject === subject) ?? tables[0];
  const ranking = useMemo(() => (table && results.data ? resultTable(table, scheme?.tables ?? [], results.data, roster, t, r) : null), [table, scheme, results.data, roster, t, r]);
  const selected = open ? results.data?.subjects.find((s) => s.subject === table?.subject && s.subjectId === open) : undefined;
  const choose = (k: PeriodKind): void => {
    setKind(k);
    setPeriod(lastEnded(k, today));
    setOpen(null);
  };
  const error = clientRemote.error ?? publications.error ?? results.error;
  return (
    <section className="results-desk" aria-labelledby="results-heading">
      <header className="desk-bar">
        <h2 id="results-heading">{r('heading')}</h2>
        <label>
          {r('pick.scheme')}
          <select value={schemeId} onChange={(e) => { setSchemeId(e.target.value); setSubject(null); setOpen(null); }}>
            {schemes.map((s) => (
              <option key={s.scheme.id} value={s.scheme.id}>
                {s.scheme.title}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label={r('pick.kind')}>
          {KINDS.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} onClick={() => choose(k)}>
              {r(`kind.${k}`)}
            </button>
          ))}
        </div>
        <label>
          {r('pick.period')}
          <select value={period} onChange={(e) => { setPeriod(e.target.value); setOpen(null); }}>
            {periodChoices(kind, today, CHOICES[kind]).map((p) => (
              <option key={p} value={p}>
                {periodText(p, r)}
              </option>
            ))}
          </select>
        </label>
        {client && scheme && <ExportButtons client={client} schemeId={scheme.id} period={period} revision={latest?.revision ?? null} subject={table?.subject ?? null} />}
        <button type="button" className="button secondary" disabled={!results.data} onClick={() => setPrinting(true)}>
          {r('bulletin.open')}
        </button>
      </header>
      {!openResults && <p role="alert">{r('load.noServer')}</p>}
      {error && <p role="alert">{r('load.failed', { message: error })}</p>}
      {client && scheme && publications.data && (
        <PublishPanel key={key ?? undefined} client={client} state={publications.data} schemeId={scheme.id} period={period} canPublish={account?.role === 'committee'} onPublished={publications.reload} />
      )}
      {account?.role === 'chief' && <p className="muted">{r('chiefScope')}</p>}
      {tables.length > 1 && (
        <div className="tabs" role="tablist" aria-label={r('pick.table')}>
          {tables.map((tb) => (
            <button key={tb.subject} type="button" role="tab" aria-selected={tb.subject === table?.subject} className="tab" onClick={() => { setSubject(tb.subject); setOpen(null); }}>
              {r(`subject.${tb.subject}`)} · {tb.name}
            </button>
          ))}
        </div>
      )}
      {(publications.loading || results.loading) && <p className="muted">{r('load.loading')}</p>}
      {ranking && results.data && scheme && (
        <div className={selected ? 'desk-main with-detail' : 'desk-main'}>
          <RankingTable table={ranking} roster={roster} selected={open} onOpen={setOpen} />
          {selected && table && <SubjectDetail subject={selected} table={table} schemeId={scheme.id} period={period} source={resultsKey ?? ''} explain={explain(selected)} onClose={() => setOpen(null)} />}
        </div>
      )}
      {results.data && <HeatMap results={results.data} />}
      {printing && scheme && results.data && <Bulletin scheme={scheme} results={results.data} publication={latest} onClose={() => setPrinting(false)} />}
    </section>
  );
}
