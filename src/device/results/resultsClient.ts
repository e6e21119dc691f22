import type { PublicationsAnswer, PublishedRevision, VerifyAnswer } from '../../core/publish/publication';
import type { SubjectKind } from '../../core/scheme/schemeSchema';
import type { PeriodScores, SubjectResult } from '../../core/scoring/results';
import type { PatrolDb } from '../patrolDb';
import { readSession } from '../session/sessionStore';

/** A results request the server refused or could not answer: its status (0: no answer) and its message. */
export class ResultsRequestFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a file download brings: the bytes and the name the server gave them. */
export interface Download {
  blob: Blob;
  fileName: string;
}

/** A period's results on the server: final results, publications, the digest check, publishing and the exports. */
export interface ResultsClient {
  /** A period's final results now, without explanation lines. */
  results(schemeId: string, period: string): Promise<PeriodScores>;
  /** One subject's final result now with every explanation line (a chief: their own subjects only). */
  explanation(schemeId: string, period: string, subject: SubjectKind, subjectId: string): Promise<SubjectResult>;
  publications(schemeId: string, period: string): Promise<PublicationsAnswer>;
  revision(schemeId: string, period: string, revision: number): Promise<PublishedRevision>;
  verify(schemeId: string, period: string, revision: number): Promise<VerifyAnswer>;
  /** Publish a period, or (with revises and reason) a revision of it. */
  publish(body: { scheme: string; period: string; revises?: number; reason?: string }): Promise<PublishedRevision>;
  download(kind: 'xlsx' | 'csv', query: Record<string, string>): Promise<Download>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check the shape an answer must have before the screens use it (the network is an edge): the fields the screens
 * read first. The server made it with the shared core, so the rest follows that shape.
 */
function expectShape<T>(value: unknown, keys: readonly string[], what: string): T {
  if (!isObject(value) || keys.some((k) => !(k in value))) throw new ResultsRequestFailed(0, `the server's ${what} answer is not what this app understands`);
  return value as T;
}

/** The results calls with the signed-in session's token (read from the device's store at each call). */
export function resultsClient(o: { db: PatrolDb; baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number }): ResultsClient {
  const doFetch = o.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const session = await readSession(o.db);
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), o.timeoutMs ?? 60_000);
    let res: Response;
    try {
      res = await doFetch(`${o.baseUrl ?? ''}${path}`, {
        ...init,
        signal: ctrl.signal,
        headers: { ...(init.headers as Record<string, string> | undefined), ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
      });
    } catch (e) {
      throw new ResultsRequestFailed(0, ctrl.signal.aborted ? 'the server did not answer in time' : `cannot reach the server (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      clearTimeout(timer);
    }
    if (res.ok) return res;
    let message = `HTTP ${res.status}`;
    try {
      const body: unknown = await res.json();
      if (isObject(body) && typeof body.message === 'string') message = body.message;
    } catch {
      // No readable body: the status says it.
    }
    throw new ResultsRequestFailed(res.status, message);
  }
  const get = async (path: string): Promise<unknown> => (await call(path)).json();
  const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
  const seg = encodeURIComponent;
  return {
    async results(schemeId, period) {
      return expectShape<PeriodScores>(await get(`/api/results?${q({ scheme: schemeId, period, view: 'final' })}`), ['subjects', 'period', 'schemeId'], 'results');
    },
    async explanation(schemeId, period, subject, subjectId) {
      const path = `/api/results/explanation?${q({ scheme: schemeId, period, view: 'final', subject, subjectId })}`;
      return expectShape<SubjectResult>(await get(path), ['explanation', 'total', 'subjectId'], 'explanation');
    },
    async publications(schemeId, period) {
      return expectShape<PublicationsAnswer>(await get(`/api/publications?${q({ scheme: schemeId, period })}`), ['revisions', 'pending'], 'publications');
    },
    async revision(schemeId, period, revision) {
      return expectShape<PublishedRevision>(await get(`/api/publications/${seg(schemeId)}/${seg(period)}/${revision}`), ['results', 'digest', 'revision'], 'publication');
    },
    async verify(schemeId, period, revision) {
      return expectShape<VerifyAnswer>(await get(`/api/publications/${seg(schemeId)}/${seg(period)}/${revision}/verify`), ['matches', 'digest', 'recomputed'], 'digest check');
    },
    async publish(body) {
      const res = await call('/api/publications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return expectShape<PublishedRevision>(await res.json(), ['results', 'digest', 'revision'], 'publish');
    },
    async download(kind, query) {
      const res = await call(`/api/exports/results.${kind}?${q(query)}`);
      const disposition = res.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `results.${kind}`;
      return { blob: await res.blob(), fileName };
    },
  };
}
