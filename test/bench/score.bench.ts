/**
 * Benchmark: score one synthetic year of a hall (200 windows, 600 staff) with the shared engine, beside a bare loop
 * that only sums the same findings' points (the floor). Prints a summary and, last, one JSON line of figures.
 * Usage: npm run bench:score [-- --scheme <file in schemes/>]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import type { Scheme } from '../../src/core/scheme/parseScheme';
import { formatSchemeError } from '../../src/core/scheme/schemeError';
import { scorePeriod } from '../../src/core/scoring/scorePeriod';
import type { Finding } from '../../src/core/model/finding';
import { syntheticFindings, syntheticRoster } from './synthetic';

const { values } = parseArgs({ options: { scheme: { type: 'string', default: '001-luoshan.yaml' }, runs: { type: 'string', default: '7' } } });
const file = values.scheme ?? '001-luoshan.yaml';
const parsed = parseScheme(readFileSync(join('schemes', file), 'utf8'), file);
if (!parsed.ok) {
  console.error(parsed.errors.map(formatSchemeError).join('\n'));
  process.exit(2);
}
const scheme: Scheme = parsed.scheme;
const roster = syntheticRoster(20, 200, 600);
const runs = Number(values.runs);
const year = { kind: 'year', year: 2026 } as const;

/** The floor: one pass that only sums each finding's nominal points. */
function bareLoop(findings: Finding[]): number {
  const points = new Map(scheme.items.map((i) => [i.id, i.rule.kind === 'fixed' ? i.rule.points : 1]));
  let sum = 0;
  for (const f of findings) {
    if (f.state === 'voided' || f.state === 'overturned') continue;
    sum += f.inputs?.amount ?? f.inputs?.quantity ?? points.get(f.itemId) ?? 0;
  }
  return sum;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const sizes = [25_000, 50_000, 100_000, 200_000];
const rows: { findings: number; engineMs: number; bareMs: number; ratio: number }[] = [];
let sink = 0;
for (const n of sizes) {
  const findings = syntheticFindings(scheme, roster, n, 2026);
  for (let i = 0; i < 2; i++) sink += scorePeriod(scheme, roster, findings, year, { countPending: false }).subjects.length + bareLoop(findings);
  const engine: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    engine.push(time(() => (sink += scorePeriod(scheme, roster, findings, year, { countPending: false }).subjects.length)));
    bare.push(time(() => (sink += bareLoop(findings))));
  }
  const e = median(engine);
  const b = median(bare);
  rows.push({ findings: n, engineMs: Math.round(e * 10) / 10, bareMs: Math.round(b * 100) / 100, ratio: Math.round((e / b) * 10) / 10 });
}
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const y100 = rows.find((r) => r.findings === 100_000);
const per1k = rows.map((r) => Math.round((r.engineMs / r.findings) * 1000 * 100) / 100);

console.log(`Scoring one year, scheme ${scheme.id} (${file}), 200 windows, 600 staff, 20 units; median of ${runs} runs`);
console.log('findings   engine ms   bare loop ms   engine/bare   ms per 1k findings');
rows.forEach((r, i) => console.log(`${String(r.findings).padStart(8)}   ${String(r.engineMs).padStart(9)}   ${String(r.bareMs).padStart(12)}   ${String(r.ratio).padStart(11)}   ${per1k[i]}`));
console.log(`peak RSS ${peakRssMb} MB; goal: 100k findings < 200 ms (got ${y100?.engineMs} ms)`);
console.log(`note: the bare loop is a single tight pass over ${rows.length ? 'the same' : ''} findings; the engine also resolves subjects, sorts, caps, grades and explains every point`);
console.log(JSON.stringify({ bench: 'score', scheme: scheme.id, runs, rows, peakRssMb, sink: sink > 0 }));
