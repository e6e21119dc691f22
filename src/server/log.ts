/** One structured log line: what happened, by whom, on which request. Never secrets, SQL parameters or bodies. */
export type LogEntry = { kind: 'refused' | 'refused-event' | 'admin' | 'error' | 'start' | 'client-gone' } & Record<string, string | number | boolean | null | undefined>;

/** Where the server's log lines go. */
export type Logger = (entry: LogEntry) => void;

/** The server's log: one JSON object per line (refusals and admin actions on stdout, failures on stderr). */
export const jsonLogger: Logger = (entry) => {
  const line = `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;
  if (entry.kind === 'error') process.stderr.write(line);
  else process.stdout.write(line);
};

/**
 * An error as it may be logged: its class, its SQLSTATE or Node code, and its message with every quoted value left
 * out (drivers quote the offending value, e.g. `invalid input syntax for type timestamp: "2026-02-30..."`), at most
 * 300 characters. Never the error object itself: pg and PGlite errors carry the query and its parameters.
 */
export function describeError(err: unknown): { error: string; code: string | null } {
  const e = err instanceof Error ? err : new Error(String(err));
  const raw = (e as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : null;
  const message = e.message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/'(?:[^'\\]|\\.)*'/g, "'…'").replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)').slice(0, 300);
  return { error: `${e.name}: ${message}`, code };
}
