import { createHash, randomBytes } from 'node:crypto';
import type { PeriodResults } from '../../../src/core/scoring/results';
import type { Db } from '../../../src/server/storage/db';
import { quarterScenario } from '../scenario';
import { recorded, signIn } from '../testServer';
import type { Device } from '../testServer';

/** Bytes shaped like a JPEG (SOI … EOI) with random content, so each photo is distinct. */
export function fakeJpeg(size: number): Buffer {
  const b = randomBytes(size);
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  b.set([0xff, 0xd9], size - 2);
  return b;
}

/** Upload a photo in chunks (at least two, at most 1.5 MB each), as a tablet does; returns its hash. */
export async function uploadPhoto(url: string, device: Device, bytes: Buffer): Promise<string> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const size = Math.min(1_500_000, Math.ceil(bytes.length / 2));
  const chunks: [number, Buffer][] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push([at, bytes.subarray(at, at + size)]);
  for (const [offset, chunk] of chunks) {
    const r = await fetch(`${url}/api/photos/${hash}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'image/jpeg', 'upload-offset': String(offset), 'upload-length': String(bytes.length) },
      body: new Uint8Array(chunk),
    });
    if (!r.ok) throw new Error(`photo upload: ${r.status} ${await r.text()}`);
  }
  return hash;
}

/** A hall with a quarter of findings through every review path, and findings with photo evidence (11 chunks). */
export async function fillHall(url: string): Promise<{ photoHashes: string[] }> {
  const [inspector, chief, committee] = await Promise.all([
    signIn(url, 'inspector1', 'fixture-tablet'),
    signIn(url, 'chief-zonghe', 'fixture-chief'),
    signIn(url, 'committee1', 'fixture-committee'),
  ]);
  const s = quarterScenario(inspector, chief, committee);
  for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee]] as const) {
    const res = await device.push(events);
    const bad = res.results.filter((r) => r.status !== 'accepted');
    if (bad.length) throw new Error(`fixture push refused: ${JSON.stringify(bad)}`);
  }
  const photoHashes: string[] = [];
  for (let i = 0; i < 4; i++) photoHashes.push(await uploadPhoto(url, inspector, fakeJpeg(40_000 + i * 7_000)));
  // A big one too (three chunks of 1.5 MB): a backup line must not grow with the rows' size.
  photoHashes.push(await uploadPhoto(url, inspector, fakeJpeg(4_500_000)));
  const withPhotos = photoHashes.map((h) => recorded(inspector, { photos: [h], staffId: 's-003' }));
  const res = await inspector.push(withPhotos);
  if (!res.results.every((r) => r.status === 'accepted')) throw new Error(`fixture photo findings refused: ${JSON.stringify(res.results)}`);
  return { photoHashes };
}

/** What the hall looks like through the API: every finding event, the photos' bytes (hashed) and the results. */
export interface HallView {
  events: string[];
  photos: Record<string, string>;
  results: Record<string, PeriodResults>;
}

export async function viewHall(url: string, photoHashes: readonly string[]): Promise<HallView> {
  const committee = await signIn(url, 'committee1', `viewer-${Math.random().toString(36).slice(2)}`);
  const pulled = await committee.pullAll();
  const events = pulled.events.map((e) => JSON.stringify(e)).sort();
  const photos: Record<string, string> = {};
  for (const h of photoHashes) {
    const r = await fetch(`${url}/api/photos/${h}`, { headers: { authorization: `Bearer ${committee.token}` } });
    if (!r.ok) throw new Error(`photo ${h}: ${r.status}`);
    photos[h] = createHash('sha256').update(Buffer.from(await r.arrayBuffer())).digest('hex');
  }
  const results: Record<string, PeriodResults> = {};
  for (const period of ['2026-01', '2026-02', '2026-03', '2026-Q1', '2026']) {
    const r = await fetch(`${url}/api/results?scheme=kunqu-window-staff&period=${period}&asOf=2026-06-01T00:00:00Z`, { headers: { authorization: `Bearer ${committee.token}` } });
    if (!r.ok) throw new Error(`results ${period}: ${r.status} ${await r.text()}`);
    results[period] = (await r.json()) as PeriodResults;
  }
  return { events, photos, results };
}

/** Every row of every table of the database (but the migration log), as sorted JSON text. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = current_schema() and tablename not in ('schema_migrations') order by tablename",
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.query<{ r: string }>(`select to_jsonb(t)::text as r from "${name}" t order by 1`);
    out[name] = rows.map((r) => r.r);
  }
  return out;
}

/** The centre administrator signed in on a server: a backup holds every hall, so only they make and fetch one. */
export function adminOf(url: string): Promise<Device> {
  return signIn(url, 'centre', `admin-${Math.random().toString(36).slice(2)}`);
}
