import { PROTOCOL_VERSION } from '../../core/sync/messages';
import type { AuthInfo } from '../appEnv';
import type { Queryable } from '../storage/db';
import { configBetween } from '../storage/configRepo';
import { countEventsAfter, eventsAfter, maxChangeSeq } from '../storage/eventRepo';
import type { PullFilter } from '../storage/eventRepo';

/** The default page size of a pull. */
export const PULL_PAGE = 1000;

/**
 * One page of changes after `cursor`, as the JSON text of a pull.result. The upper end is read first: every row at
 * or below the highest committed seq has committed (writers take the change lock), so nothing is skipped. The stored
 * event JSON is spliced in as is, which keeps large pulls cheap.
 */
export async function pullChanges(q: Queryable, auth: AuthInfo, cursor: string | null, limit = PULL_PAGE): Promise<string> {
  const after = cursor === null ? 0 : Number(cursor);
  const upTo = await maxChangeSeq(q);
  const filter: PullFilter = {
    scope: auth.actor.role === 'chief' ? { unitIds: auth.actor.unitIds, windowIds: auth.actor.windowIds } : undefined,
    notDevice: auth.deviceId,
  };
  const page = await eventsAfter(q, after, upTo, limit + 1, filter);
  const more = page.length > limit;
  const events = more ? page.slice(0, limit) : page;
  const next = more ? (events[events.length - 1]?.seq ?? after) : Math.max(upTo, after);
  const [config, remaining] = await Promise.all([configBetween(q, after, next), more ? countEventsAfter(q, next, upTo, filter) : Promise.resolve(0)]);
  const setup = config.filter((c) => c.kind === 'setup').pop();
  const accounts = config.filter((c) => c.kind === 'accounts').pop();
  const schemes = config.filter((c) => c.kind === 'scheme').map((c) => {
    const at = c.key.lastIndexOf('@');
    return `{"id":${JSON.stringify(c.key.slice(0, at))},"version":${Number(c.key.slice(at + 1))},"data":${c.body}}`;
  });
  return (
    `{"type":"pull.result","protocol":${PROTOCOL_VERSION},"cursor":"${next}","more":${more},"remaining":${remaining},` +
    `"events":[${events.map((e) => e.body).join(',')}],` +
    (setup ? `"setup":${setup.body},` : '') +
    (accounts ? `"accounts":${accounts.body},` : '') +
    `"schemes":[${schemes.join(',')}],"serverTime":${JSON.stringify(new Date().toISOString())}}`
  );
}
