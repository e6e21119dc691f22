import { useState } from 'react';
import type { PublicationsAnswer, VerifyAnswer } from '../../../../core/publish/publication';
import type { ResultChange } from '../../../../core/publish/resultChanges';
import type { ResultsClient } from '../../../../device/results/resultsClient';
import { formatDateTime } from '../../../format/formatDateTime';
import { useServices } from '../../../services/useServices';
import { useResultsWords } from './useResultsWords';

/** One change of a revision in words: the subject, and its total and grade before and after. */
function ChangeLine({ change }: { change: ResultChange }) {
  const { r } = useResultsWords();
  if (change.kind === 'added') return <li>{r('publish.added', { name: change.name, total: change.after.total })}</li>;
  if (change.kind === 'removed') return <li>{r('publish.removed', { name: change.name, total: change.before.total })}</li>;
  return (
    <li>
      {r('publish.changed', {
        name: change.name,
        before: change.before.total,
        after: change.after.total,
        gradeBefore: change.before.gradeName ?? r('table.noGrade'),
        gradeAfter: change.after.gradeName ?? r('table.noGrade'),
        rankBefore: change.before.rank,
        rankAfter: change.after.rank,
      })}{' '}
      <small className="muted">{change.parts.map((p) => r(`publish.part.${p}`)).join('、')}</small>
    </li>
  );
}

/**
 * Whether the period is published and what changed since: the committee publishes it (once it has ended) or a
 * revision with a reason; anyone who reads results can check a revision's digest against the stored events.
 */
export function PublishPanel({ client, state, schemeId, period, canPublish, onPublished }: { client: ResultsClient; state: PublicationsAnswer; schemeId: string; period: string; canPublish: boolean; onPublished: () => void }) {
  const { r, language } = useResultsWords();
  const { hall } = useServices();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState<VerifyAnswer | null>(null);
  const latest = state.revisions[state.revisions.length - 1];
  const tz = hall.setup.roster.hall.timeZone;
  const act = async (run: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await run();
      setReason('');
      onPublished();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const verify = async (): Promise<void> => {
    if (!latest) return;
    setError(null);
    try {
      setVerified(await client.verify(schemeId, period, latest.revision));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const pending = state.pending;
  return (
    <section className={latest ? 'publish published' : 'publish'} aria-label={r('publish.label')}>
      {!latest ? (
        <p>
          <strong>{r('publish.unpublished')}</strong> <span className="muted">{r('publish.unpublishedNote')}</span>
        </p>
      ) : (
        <>
          <p>
            <strong>{r('publish.published', { revision: latest.revision, date: formatDateTime(latest.publishedAt, tz, language) })}</strong>{' '}
            <span className="muted">{r('publish.restsOn', { events: latest.eventCount, findings: latest.findingCount })}</span>
          </p>
          <p className="digest">
            SHA-256 <code>{latest.digest}</code>{' '}
            <button type="button" className="button secondary" onClick={() => void verify()}>
              {r('publish.verify')}
            </button>
            {verified && (
              <span role="status" className={verified.matches && verified.resultsMatch !== false ? 'ok' : 'bad'}>
                {verified.matches && verified.resultsMatch !== false ? r('publish.verifiedOk', { revision: verified.revision }) : r('publish.verifiedBad', { revision: verified.revision })}
              </span>
            )}
          </p>
          {state.revisions.length > 1 && (
            <ol className="revisions">
              {state.revisions.map((p) => (
                <li key={p.revision}>
                  {r('publish.revisionLine', { revision: p.revision, date: formatDateTime(p.publishedAt, tz, language) })}
                  {p.reason && ` — ${p.reason}`}
                  {p.changes.length > 0 && <small className="muted"> {r('publish.changeCount', { count: p.changes.length })}</small>}
                </li>
              ))}
            </ol>
          )}
          {pending && pending.changes.length > 0 && (
            <div className="pending-changes" role="status">
              <p>
                <strong>{r('publish.pendingHead', { count: pending.changes.length, events: pending.laterEvents, revision: latest.revision })}</strong>
              </p>
              <ul>
                {pending.changes.map((c) => (
                  <ChangeLine key={`${c.subject}:${c.subjectId}`} change={c} />
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {canPublish && !latest && (
        <button type="button" className="button" disabled={busy} onClick={() => void act(() => client.publish({ scheme: schemeId, period }))}>
          {r('publish.publish')}
        </button>
      )}
      {canPublish && latest && pending && pending.changes.length > 0 && (
        <div className="revise">
          <label>
            {r('publish.reason')}
            <textarea value={reason} rows={2} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className="button" disabled={busy || reason.trim().length < 2} onClick={() => void act(() => client.publish({ scheme: schemeId, period, revises: latest.revision, reason }))}>
            {r('publish.revise', { revision: latest.revision + 1 })}
          </button>
        </div>
      )}
      {error && <p role="alert">{r('publish.failed', { message: error })}</p>}
    </section>
  );
}
