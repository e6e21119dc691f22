import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function score(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/score.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const base = ['--roster', 'examples/roster.json', '--findings', 'examples/findings-anshan.json'];

describe('npm run score', () => {
  it('prints period results as JSON for a scheme given by file-name prefix', () => {
    const r = score(['--scheme', '003', ...base, '--period', '2026-03']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { schemeId: string; period: { key: string }; subjects: { subjectId: string; total: number; gradeName: string }[] };
    expect(out.schemeId).toBe('anshan-stationed-unit');
    expect(out.period.key).toBe('2026-03');
    // 税务局: 100 − 迟到早退 2 − 空岗 75 分钟 3 − 争吵打架 5 = 90 → 良好 (优秀 needs 高于90).
    expect(out.subjects.find((s) => s.subjectId === 'u-tax')).toMatchObject({ total: 90, gradeName: '良好' });
  });

  it('prints a readable table with the explanation', () => {
    const r = score(['--scheme', 'anshan-stationed-unit', ...base, '--period', '2026-Q1', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('period 2026-Q1');
    // Worded in zh-CN from the engine's data, with the same words as the tablet.
    expect(r.stdout).toContain('空岗 三（一）2 a02: 75 分钟：超过1小时至半天 → 3 分');
    expect(r.stdout).toContain('申诉待定，未计入');
    expect(r.stdout).toContain('不得评为优秀，评为良好');
  });

  it('exits 2 with the precise errors of a malformed scheme file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'format: hall-patrol/scheme@1\nid: Bad Id\n');
    const r = score(['--scheme', bad, ...base, '--period', '2026-03']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:2, field id: .*lower-case id/);
    expect(r.stderr).toMatch(/field version/);
  });

  it('exits 2 naming every bad input: an unknown period, a finding without a state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-'));
    const findings = join(dir, 'f.json');
    writeFileSync(findings, JSON.stringify([{ id: 'x', itemId: 'konggang', at: 'yesterday' }]));
    expect(score(['--scheme', '003', ...base, '--period', '2026-13']).stderr).toContain('--period "2026-13"');
    const r = score(['--scheme', '003', '--roster', 'examples/roster.json', '--findings', findings, '--period', '2026-03']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`findings ${findings} 0.at: an ISO 8601 instant`);
    expect(r.stderr).toContain(`findings ${findings} 0.state`);
  });

  it('exits 2 when a file is missing or not JSON', () => {
    const r = score(['--scheme', '003', '--roster', 'nope.json', '--findings', 'vite.config.ts', '--period', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.json: cannot read (ENOENT)');
    expect(r.stderr).toContain('vite.config.ts: not valid JSON');
  });

  it('exits 2 on inputs outside the item\'s range, by the shared input check: an 003 旷工 of 200 minutes (旷工 is 超过半天 = from 211), a 空岗 of 300 (at most 210)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-'));
    const findings = join(dir, 'f.json');
    const base = { staffId: 's1', windowId: 'w1', state: 'recorded' };
    writeFileSync(
      findings,
      JSON.stringify([
        { id: 'k1', itemId: 'kuanggong', at: '2026-03-02T09:00:00+08:00', inputs: { quantity: 200 }, ...base },
        { id: 'k2', itemId: 'konggang', at: '2026-03-03T09:00:00+08:00', inputs: { quantity: 300 }, ...base },
        { id: 'k3', itemId: 'kuanggong', at: '2026-03-04T09:00:00+08:00', inputs: { quantity: 420 }, ...base },
        // Voided findings count for nothing and are not checked.
        { id: 'k4', itemId: 'kuanggong', at: '2026-03-05T09:00:00+08:00', inputs: { quantity: 5 }, ...base, state: 'voided' },
      ]),
    );
    const r = score(['--scheme', '003', '--roster', 'examples/roster.json', '--findings', findings, '--period', '2026-03']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`findings ${findings} 0 (k1): inputs.quantity of item "kuanggong" is below the minimum 211`);
    expect(r.stderr).toContain(`findings ${findings} 1 (k2): inputs.quantity of item "konggang" is above the maximum 210`);
    expect(r.stderr).not.toContain('(k3)');
    expect(r.stderr).not.toContain('(k4)');
  });

  it('refuses a scheme prefix that matches several files, naming them: --scheme 002', () => {
    const r = score(['--scheme', '002', ...base, '--period', '2026-03']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"002" matches 3 scheme files (002-bianmin.yaml, 002-county-window.yaml, 002-deshan.yaml)');
    // A full file name or the scheme id picks one.
    expect(score(['--scheme', '002-county-window', ...base, '--period', '2026-03']).code).toBe(0);
  });
});
