import { PROTOCOL_VERSION } from '../../core/sync/messages';
import type { AuthInfo } from '../appEnv';
import type { Queryable } from '../storage/db';
import { configBetween } from '../storage/configRepo';
import { countEventsAfter, eventsPage, maxChangeSeq } from '../storage/eventRepo';
import type { PullFilter } from '../storage/eventRepo';

/** The default page size of a pull. */
export const PULL_PAGE = 1000;

/**
 * One page of changes after `cursor`, as the JSON text of a pull.result. The upper end is read first: every row at
 * or below the highest committed seq has committed (writers take the change lock), so nothing is skipped. The stored
 * event JSON, joined by the database, is spliced in as is, which keeps large pulls cheap.
 */
export async function pullChanges(q: Queryable, auth: AuthInfo, cursor: string | null, limit = PULL_PAGE): Promise<string> {
  const after = cursor === null ? 0 : Number(cursor);
  const upTo = await maxChangeSeq(q);
  const filter: PullFilter = {
    scope: auth.actor.role === 'chief' ? { unitIds: auth.actor.unitIds, windowIds: auth.actor.windowIds } : undefined,
    notDevice: auth.deviceId,
  };
  const page = await eventsPage(q, after, upTo, limit, filter);
  // A full page may have more behind it; the count says how many (0: this page was the last after all).
  const remaining = page.count === limit ? await countEventsAfter(q, page.lastSeq, upTo, filter) : 0;
  const more = remaining > 0;
  const next = more ? page.lastSeq : Math.max(upTo, after);
  const config = await configBetween(q, after, next);
  const setup = config.filter((c) => c.kind === 'setup').pop();
  const accounts = config.filter((c) => c.kind === 'accounts').pop();
  const schemes = config.filter((c) => c.kind === 'scheme').map((c) => {
    const at = c.key.lastIndexOf('@');
    return `{"id":${JSON.stringify(c.key.slice(0, at))},"version":${Number(c.key.slice(at + 1))},"data":${c.body}}`;
  });
  return (
    `{"type":"pull.result","protocol":${PROTOCOL_VERSION},"cursor":"${next}","more":${more},"remaining":${remaining},` +
    `"events":[${page.joined}],` +
    (setup ? `"setup":${setup.body},` : '') +
    (accounts ? `"accounts":${accounts.body},` : '') +
    `"schemes":[${schemes.join(',')}],"serverTime":${JSON.stringify(new Date().toISOString())}}`
  );
}
