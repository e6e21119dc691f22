import type { Queryable } from '../storage/db';
import { eventsBetween } from '../storage/eventRepo';
import type { PullRow } from '../storage/eventRepo';

/** Which events a pull sends: within a chief's scope, and not the pulling device's own (it has them already). */
export interface PullFilter {
  scope?: { unitIds: string[]; windowIds: string[] } | undefined;
  notDevice?: string | undefined;
}

export interface PullPage {
  /** The page's events' JSON joined with commas. */
  joined: string;
  count: number;
  /** Seq of the last event in the page (when full), else the upper end read. */
  lastSeq: number;
}

export interface PullCache {
  page(q: Queryable, hallId: string, after: number, upTo: number, limit: number, filter: PullFilter): Promise<PullPage>;
}

const BLOCK = 512;

/**
 * A read-through cache of stored events in blocks of seqs per hall, for pulls. It holds no state the database does
 * not: every seq of a hall at or below its highest committed one is final (the hall's writers take its write lock,
 * and a seq skipped by a rollback is never reused), so a block read up to such a seq never changes and any number of server processes
 * may each keep their own copy. A block is extended as later seqs commit. Least recently used blocks are dropped
 * beyond `maxBytes`.
 */
export function createPullCache(maxBytes = 64 * 1024 * 1024): PullCache {
  /** Blocks by hall and block number (`hall\nblock`). */
  const blocks = new Map<string, { rows: PullRow[]; through: number; bytes: number }>();
  const extending = new Map<string, Promise<void>>();
  let bytes = 0;

  async function ensure(q: Queryable, hallId: string, blockNo: number, need: number): Promise<PullRow[]> {
    const b = `${hallId}\n${blockNo}`;
    for (;;) {
      const have = blocks.get(b);
      if (have && have.through >= need) {
        blocks.delete(b);
        blocks.set(b, have);
        return have.rows;
      }
      const busy = extending.get(b);
      if (busy) {
        await busy;
        continue;
      }
      const job = (async () => {
        const from = have?.through ?? blockNo * BLOCK - 1;
        const more = await eventsBetween(q, hallId, from, need);
        const added = more.reduce((n, r) => n + r.body.length + 64, 0);
        const block = have ?? { rows: [], through: from, bytes: 0 };
        block.rows.push(...more);
        block.through = need;
        block.bytes += added;
        bytes += added;
        blocks.delete(b);
        blocks.set(b, block);
        for (const [key, old] of blocks) {
          if (bytes <= maxBytes || key === b) break;
          blocks.delete(key);
          bytes -= old.bytes;
        }
      })();
      extending.set(b, job);
      try {
        await job;
      } finally {
        extending.delete(b);
      }
    }
  }

  const visible = (f: PullFilter, r: PullRow): boolean =>
    r.deviceId !== f.notDevice &&
    (!f.scope || (r.unitId !== null && f.scope.unitIds.includes(r.unitId)) || (r.windowId !== null && f.scope.windowIds.includes(r.windowId)));

  return {
    async page(q, hallId, after, upTo, limit, filter) {
      const out: string[] = [];
      let at = after;
      while (at < upTo) {
        const b = Math.floor((at + 1) / BLOCK);
        const end = Math.min((b + 1) * BLOCK - 1, upTo);
        for (const r of await ensure(q, hallId, b, end)) {
          if (r.seq <= at || r.seq > end || !visible(filter, r)) continue;
          out.push(r.body);
          if (out.length === limit) return { joined: out.join(','), count: limit, lastSeq: r.seq };
        }
        at = end;
      }
      return { joined: out.join(','), count: out.length, lastSeq: Math.max(at, after) };
    },
  };
}
