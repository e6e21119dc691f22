import { PROTOCOL_VERSION } from '../../core/protocol/version';
import type { AuthInfo } from '../appEnv';
import type { Queryable } from '../storage/db';
import { changeHead } from '../storage/configRepo';
import type { PullCache, PullFilter } from './pullCache';

/** The default page size of a pull. */
export const PULL_PAGE = 1000;

/**
 * One page of the token's hall's changes after `cursor` (a seq of that hall's change order), as the JSON text of a
 * pull.result. The upper end is read first: every row at
 * or below the highest committed seq has committed (writers take the change lock), so nothing is skipped. The stored
 * event JSON is spliced in as is (from the pull cache), which keeps large pulls cheap.
 */
export async function pullChanges(q: Queryable, cache: PullCache, auth: AuthInfo, cursor: string | null, limit = PULL_PAGE): Promise<string> {
  const after = cursor === null ? 0 : Number(cursor);
  const { upTo, config: changed } = await changeHead(q, auth.hallId, after);
  const filter: PullFilter = {
    scope: auth.actor.role === 'chief' ? { unitIds: auth.actor.unitIds, windowIds: auth.actor.windowIds } : undefined,
    notDevice: auth.deviceId,
  };
  const page = await cache.page(q, auth.hallId, after, upTo, limit, filter);
  // Only a full page can have more behind it. `remaining` is then an upper bound (changes not yet sent, some of them
  // perhaps filtered out): exact enough for a progress bar, and it costs no count over the rest of the table.
  const more = page.count === limit && page.lastSeq < upTo;
  const remaining = more ? upTo - page.lastSeq : 0;
  const next = more ? page.lastSeq : Math.max(upTo, after);
  const config = changed.filter((c) => c.seq <= next);
  const setup = config.filter((c) => c.kind === 'setup').pop();
  const accounts = config.filter((c) => c.kind === 'accounts').pop();
  const review = config.filter((c) => c.kind === 'review').pop();
  const schemes = config.filter((c) => c.kind === 'scheme').map((c) => {
    const at = c.key.lastIndexOf('@');
    return `{"id":${JSON.stringify(c.key.slice(0, at))},"version":${Number(c.key.slice(at + 1))},"data":${c.body}}`;
  });
  return (
    `{"type":"pull.result","protocol":${PROTOCOL_VERSION},"cursor":"${next}","more":${more},"remaining":${remaining},` +
    `"events":[${page.joined}],` +
    (setup ? `"setup":${setup.body},` : '') +
    (accounts ? `"accounts":${accounts.body},` : '') +
    (review ? `"review":${review.body},` : '') +
    `"schemes":[${schemes.join(',')}],"serverTime":${JSON.stringify(new Date().toISOString())}}`
  );
}
