/**
 * Benchmark: score one synthetic year of a hall (200 windows, 600 staff) as the tablet and the server do
 * (scoreOnDemand: numbers for everyone, lines for one opened subject), beside, in the same run: the full computation
 * with every line (scorePeriod: the score command), the engine as it was before (test/core/scoring/reference), and a
 * bare loop that only sums the same findings' points (the floor). Run bundled by Vite in plain Node (runBundled.ts),
 * as the tablet runs it. Prints a summary and, last, one JSON line of figures.
 * Usage: npm run bench:score [-- --scheme <file in schemes/> --runs <n> --sizes 25000,100000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import type { Scheme } from '../../src/core/scheme/parseScheme';
import { formatSchemeError } from '../../src/core/scheme/schemeError';
import { scorePeriod } from '../../src/core/scoring/scorePeriod';
import { scoreOnDemand } from '../../src/core/scoring/scoreOnDemand';
import { scorePeriod as referenceScorePeriod } from '../core/scoring/reference/scorePeriod';
import type { Finding } from '../../src/core/model/finding';
import { syntheticFindings, syntheticRoster } from './synthetic';

const { values } = parseArgs({
  options: { scheme: { type: 'string', default: '001-luoshan.yaml' }, runs: { type: 'string', default: '7' }, sizes: { type: 'string', default: '25000,50000,100000,200000' } },
});
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
const options = { countPending: false };
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

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

/** Wall time of fn, and the process's CPU time during it (steadier on a machine shared with other work). */
function timed(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function time(fn: () => unknown): number {
  return timed(fn).wall;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Memory kept alive by what `make` returns, after a full collection (needs --expose-gc; runBundled passes it): the
 * JavaScript heap and the typed arrays' buffers (the engine keeps a run's findings as columns in typed arrays, which
 * live outside the heap).
 */
function retained(make: () => unknown): { mb: number; keep: unknown } {
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  const before = used();
  const keep = make();
  gc();
  return { mb: mb(used() - before), keep };
}

interface Row {
  findings: number;
  /** scoreOnDemand: what the tablet, the server and the bench goal measure (median wall time). */
  engineMs: number;
  /** The fastest of the runs (the least disturbed by other work on the machine). */
  engineMinMs: number;
  /** Median CPU time of the process during a run (V8's collector threads included). */
  engineCpuMs: number;
  /** The least CPU time of the runs (the least slowed by other processes sharing the cores and caches). */
  engineMinCpuMs: number;
  /** scorePeriod: every line for every subject (the score command). */
  fullMs: number;
  /** The engine before this work, every line built (the baseline). */
  beforeMs: number;
  bareMs: number;
  bareMinMs: number;
  bareCpuMs: number;
  bareMinCpuMs: number;
  ratio: number;
  /** Fastest engine run over fastest bare loop, and the same in median and in least CPU time. */
  minRatio: number;
  cpuRatio: number;
  minCpuRatio: number;
  beforeRatio: number;
}

const sizes = (values.sizes ?? '').split(',').map(Number).filter((n) => n > 0);
const rows: Row[] = [];
let sink = 0;
let explainMs = 0;
let explainCpuMs = 0;
let explainLines = 0;
let memory = { onDemandMb: 0, fullMb: 0, beforeMb: 0, findingsMb: 0 };
for (const n of sizes) {
  const held = retained(() => syntheticFindings(scheme, roster, n, 2026));
  const findings = held.keep as Finding[];
  for (let i = 0; i < 2; i++) {
    sink += scoreOnDemand(scheme, roster, findings, year, options).results.subjects.length + scorePeriod(scheme, roster, findings, year, options).subjects.length;
    sink += referenceScorePeriod(scheme, roster, findings, year, options).subjects.length + bareLoop(findings);
  }
  const engine: number[] = [];
  const engineCpu: number[] = [];
  const full: number[] = [];
  const before: number[] = [];
  const bare: number[] = [];
  const bareCpu: number[] = [];
  // Each measured in a block of its own runs, so that no run pays for another's garbage (the baseline makes plenty).
  for (let i = 0; i < runs; i++) {
    const e = timed(() => (sink += scoreOnDemand(scheme, roster, findings, year, options).results.subjects.length));
    engine.push(e.wall);
    engineCpu.push(e.cpu);
  }
  for (let i = 0; i < runs; i++) {
    const b = timed(() => (sink += bareLoop(findings)));
    bare.push(b.wall);
    bareCpu.push(b.cpu);
  }
  for (let i = 0; i < runs; i++) full.push(time(() => (sink += scorePeriod(scheme, roster, findings, year, options).subjects.length)));
  for (let i = 0; i < runs; i++) before.push(time(() => (sink += referenceScorePeriod(scheme, roster, findings, year, options).subjects.length)));
  const e = median(engine);
  const b = median(bare);
  const eMin = Math.min(...engine);
  const bMin = Math.min(...bare);
  const eCpu = median(engineCpu);
  const bCpu = median(bareCpu);
  rows.push({
    findings: n,
    engineMs: r1(e),
    engineMinMs: r1(eMin),
    engineCpuMs: r1(eCpu),
    engineMinCpuMs: r1(Math.min(...engineCpu)),
    fullMs: r1(median(full)),
    beforeMs: r1(median(before)),
    bareMs: r2(b),
    bareMinMs: r2(bMin),
    bareCpuMs: r2(bCpu),
    bareMinCpuMs: r2(Math.min(...bareCpu)),
    ratio: r1(e / b),
    minRatio: r1(eMin / bMin),
    cpuRatio: bCpu > 0 ? r1(eCpu / bCpu) : 0,
    minCpuRatio: Math.min(...bareCpu) > 0 ? r1(Math.min(...engineCpu) / Math.min(...bareCpu)) : 0,
    beforeRatio: r1(median(before) / b),
  });
  if (n === 100_000) {
    // Opening one subject: the staff member with the most findings, explained from the year's scoring.
    const scored = scoreOnDemand(scheme, roster, findings, year, options);
    const busiest = [...scored.results.subjects].filter((s) => s.subject === 'staff').sort((a, b) => b.findingCount - a.findingCount)[0];
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = timed(() => (explainLines = scored.explain('staff', busiest?.subjectId ?? '')?.explanation.length ?? 0));
      times.push(t.wall);
      cpu.push(t.cpu);
    }
    explainMs = r1(median(times));
    explainCpuMs = r1(median(cpu));
    memory = {
      findingsMb: held.mb,
      onDemandMb: retained(() => scoreOnDemand(scheme, roster, findings, year, options)).mb,
      fullMb: retained(() => scorePeriod(scheme, roster, findings, year, options)).mb,
      beforeMb: retained(() => referenceScorePeriod(scheme, roster, findings, year, options)).mb,
    };
  }
}
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const y100 = rows.find((r) => r.findings === 100_000);

console.log(`Scoring one year, scheme ${scheme.id} (${file}), 200 windows, 600 staff, 20 units; bundled (Vite), plain Node; median of ${runs} runs`);
console.log('(wall: median, fastest; cpu: median, least)');
console.log('findings   on demand ms wall | cpu          every line ms   before ms   bare loop ms wall | cpu      on demand/bare wall | cpu   before/bare');
const pad = (x: unknown, n: number): string => String(x).padStart(n);
for (const r of rows) {
  console.log(
    `${pad(r.findings, 8)}   ${pad(`${r.engineMs}, ${r.engineMinMs} | ${r.engineCpuMs}, ${r.engineMinCpuMs}`, 30)}   ${pad(r.fullMs, 13)}   ${pad(r.beforeMs, 9)}   ${pad(`${r.bareMs}, ${r.bareMinMs} | ${r.bareCpuMs}, ${r.bareMinCpuMs}`, 26)}   ${pad(`${r.ratio}, ${r.minRatio} | ${r.cpuRatio}, ${r.minCpuRatio}`, 26)}   ${pad(r.beforeRatio, 11)}`,
  );
}
console.log(`explaining one subject (the busiest staff member, ${explainLines} lines) from the 100k year: ${explainMs} ms (cpu ${explainCpuMs} ms)`);
console.log(
  `memory kept by one scored 100k year (heap and typed arrays): on demand ${memory.onDemandMb} MB, every line ${memory.fullMb} MB, before ${memory.beforeMb} MB (the findings themselves ${memory.findingsMb} MB); peak RSS ${peakRssMb} MB`,
);
console.log(
  `goal: 100k findings < 150 ms (got ${y100?.engineMs} ms, fastest ${y100?.engineMinMs} ms; cpu ${y100?.engineCpuMs} ms, least ${y100?.engineMinCpuMs} ms) and ≤ 40× the bare loop (got ${y100?.ratio}×, fastest ${y100?.minRatio}×; cpu ${y100?.cpuRatio}×, least ${y100?.minCpuRatio}×)`,
);
console.log(JSON.stringify({ bench: 'score', scheme: scheme.id, bundled: true, runs, rows, explainMs, explainCpuMs, explainLines, memory, peakRssMb, goal: { ms: 150, ratio: 40 }, sink: sink > 0 }));
