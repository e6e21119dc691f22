/** One line of the reliability summary: what a run tried and what became of it (null: does not apply). */
export interface SummaryRow {
  run: string;
  database: string;
  requestsTried: number | null;
  refused4xx: number | null;
  server5xx: number | null;
  /** Of the 5xx, the 503 "database unavailable" answers a server gives while PostgreSQL restarts. */
  unavailable503: number | null;
  interruptions: number | null;
  sent: number | null;
  stored: number | null;
  duplicates: number | null;
  lost: number | null;
  seconds: number;
  problems: readonly string[];
}

const COLUMNS: [string, (r: SummaryRow) => string][] = [
  ['run', (r) => r.run],
  ['database', (r) => r.database],
  ['requests tried', (r) => num(r.requestsTried)],
  ['4xx', (r) => num(r.refused4xx)],
  ['5xx', (r) => (r.server5xx === null ? '–' : r.unavailable503 ? `${num(r.server5xx)} (${num(r.unavailable503)} × 503)` : num(r.server5xx))],
  ['interruptions', (r) => num(r.interruptions)],
  ['sent', (r) => num(r.sent)],
  ['stored', (r) => num(r.stored)],
  ['duplicates', (r) => num(r.duplicates)],
  ['lost', (r) => num(r.lost)],
  ['seconds', (r) => r.seconds.toFixed(1)],
];

function num(n: number | null): string {
  return n === null ? '–' : n.toLocaleString('en-US');
}

/** The rows as a Markdown table (the README's Reliability section takes it as printed). */
export function summaryTable(rows: readonly SummaryRow[]): string {
  const cells = rows.map((r) => COLUMNS.map(([, f]) => f(r)));
  const line = (c: readonly string[]): string => `| ${c.join(' | ')} |`;
  return [line(COLUMNS.map(([h]) => h)), line(COLUMNS.map(() => '---')), ...cells.map(line)].join('\n');
}
