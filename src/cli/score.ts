import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatSchemeError } from '../core/scheme/schemeError';
import { parsePeriod } from '../core/time/period';
import { scorePeriod } from '../core/scoring/scorePeriod';
import { validate } from './validateFile';
import { findingsSchema } from '../core/model/finding';
import { rosterSchema } from '../core/model/roster';
import { loadSchemeFile } from './loadSchemeFile';
import { formatTable } from './formatTable';
import type { Scheme } from '../core/scheme/parseScheme';
import type { Finding } from '../core/model/finding';
import { effectiveItem } from '../core/model/effectiveItem';
import { checkInputs } from '../core/scheme/ruleInputs';
import { inputProblemText } from '../server/words/refusalText';

const USAGE = `usage: npm run score -- --scheme <id|path|prefix> --roster <file.json> --findings <file.json> --period <YYYY-MM|YYYY-Qn|YYYY>
                      [--format json|table] [--pending] [--as-of <ISO instant>]`;

/** The score command: prints period results as JSON or a table; exits 2 on bad input with every error. */
function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        scheme: { type: 'string' },
        roster: { type: 'string' },
        findings: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string', default: 'json' },
        pending: { type: 'boolean', default: false },
        'as-of': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    return fail([(e as Error).message, USAGE]);
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const missing = (['scheme', 'roster', 'findings', 'period'] as const).filter((k) => !args[k]);
  if (missing.length) return fail([`missing ${missing.map((m) => '--' + m).join(', ')}`, USAGE]);
  if (args.format !== 'json' && args.format !== 'table') return fail([`--format "${args.format}": expected json or table`]);
  const period = parsePeriod(args.period ?? '');
  if (!period) return fail([`--period "${args.period}": expected YYYY-MM, YYYY-Qn or YYYY`]);

  const schemesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemes');
  const scheme = loadSchemeFile(args.scheme ?? '', schemesDir);
  if (!scheme.ok) return fail(scheme.errors.map(formatSchemeError));
  const roster = readJson(args.roster ?? '');
  const findings = readJson(args.findings ?? '');
  const errors: string[] = [];
  if (!roster.ok) errors.push(roster.error);
  if (!findings.ok) errors.push(findings.error);
  const r = roster.ok ? validate(rosterSchema, roster.value, `roster ${args.roster}`) : null;
  const f = findings.ok ? validate(findingsSchema, findings.value, `findings ${args.findings}`) : null;
  if (r && !r.ok) errors.push(...r.errors);
  if (f && !f.ok) errors.push(...f.errors);
  if (errors.length || !r?.ok || !f?.ok) return fail(errors);
  const inputErrors = findingInputErrors(scheme.scheme, f.value, `findings ${args.findings}`);
  if (inputErrors.length) return fail(inputErrors);

  const results = scorePeriod(scheme.scheme, r.value, f.value, period, { countPending: args.pending ?? false, asOf: args['as-of'] });
  process.stdout.write(args.format === 'table' ? formatTable(results) + '\n' : JSON.stringify(results, null, 2) + '\n');
  return 0;
}

/**
 * Every finding's inputs checked against its item's rule by the shared input check (the tablet's and the server's):
 * an amount outside the range, a quantity below the item's minimum, a level the item lacks. The engine would clamp or
 * score them as nothing; the command refuses them instead. Findings of unknown items are left to the engine, which
 * reports them as skipped.
 */
function findingInputErrors(scheme: Scheme, findings: readonly Finding[], what: string): string[] {
  const items = new Map(scheme.items.map((i) => [i.id, i]));
  return findings.flatMap((finding, index) => {
    if (finding.state === 'voided' || finding.state === 'overturned') return [];
    const { itemId, inputs } = effectiveItem(finding);
    const item = items.get(itemId);
    if (!item) return [];
    return checkInputs(item.rule, inputs).map((p) => `${what} ${index} (${finding.id}): ${inputProblemText(itemId, p)}`);
  });
}

function readJson(path: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `${path}: not valid JSON (${(e as Error).message})` };
  }
}

function fail(lines: string[]): number {
  process.stderr.write(lines.join('\n') + '\n');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
