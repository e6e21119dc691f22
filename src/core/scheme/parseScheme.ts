import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { schemeSchema } from './schemeSchema';
import type { SchemeData } from './schemeSchema';
import { checkScheme } from './checkScheme';
import type { SchemeError } from './schemeError';

declare const checked: unique symbol;
/** A scheme that passed the parser and every semantic check; only parseScheme makes one. */
export type Scheme = SchemeData & { readonly [checked]: true };

export type ParseResult = { ok: true; scheme: Scheme } | { ok: false; errors: SchemeError[] };

/** Parse a scheme file's text (YAML or JSON) into a checked scheme, or every precise error found. */
export function parseScheme(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line,
        path: '',
        message: `not valid YAML/JSON: ${e.message.split('\n')[0]}`,
        expected: 'a YAML or JSON document',
      })),
    };
  }
  const raw: unknown = doc.toJS();
  const lineOf = (path: (string | number)[]): number | undefined => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => fromZodIssue(issue, raw, file, lineOf)) };
  }
  const errors = checkScheme(parsed.data).map((e) => ({ ...e, file, line: e.line ?? lineOf(e.pathParts ?? []) }));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scheme: parsed.data as Scheme };
}

/** Validate an already-parsed object (e.g. a scheme received over sync) the same way, with line numbers of its JSON. */
export function checkSchemeData(raw: unknown, file: string): ParseResult {
  return parseScheme(JSON.stringify(raw), file);
}

/** Validate an already-parsed object without a text to point into (no YAML parser, no line numbers): a stored scheme. */
export function schemeFromData(raw: unknown, file: string): ParseResult {
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => fromZodIssue(issue, raw, file, () => undefined)) };
  const errors = checkScheme(parsed.data).map((e) => ({ ...e, file }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scheme: parsed.data as Scheme };
}

function fromZodIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  file: string,
  lineOf: (path: (string | number)[]) => number | undefined,
): SchemeError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  return {
    file,
    // A missing field has no node of its own: point at the object that lacks it.
    line: lineOf(path) ?? lineOf(path.slice(0, -1)),
    itemId: owningId(raw, path),
    path: path.join('.'),
    message: issue.message,
    expected: expectedOf(issue),
  };
}

/** The id of the item, category, table or trigger the failing path is inside, so the author can find it by name. */
function owningId(raw: unknown, path: (string | number)[]): string | undefined {
  const at = (node: unknown, key: string | number | undefined): unknown =>
    node !== null && typeof node === 'object' && key !== undefined ? (node as Record<string | number, unknown>)[key] : undefined;
  const idOf = (node: unknown): string | undefined => {
    const id = at(node, 'id') ?? at(node, 'subject');
    return typeof id === 'string' ? id : undefined;
  };
  const [top, index, sub, subIndex] = path;
  if (top === 'items' || top === 'triggers') return idOf(at(at(raw, top), index));
  if (top === 'tables') {
    const table = at(at(raw, 'tables'), index);
    return (sub === 'categories' || sub === 'grades' ? idOf(at(at(table, sub), subIndex)) : undefined) ?? idOf(table);
  }
  return undefined;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return String(issue.expected);
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'only the documented fields (see schemes/scheme.schema.json)';
    case 'invalid_union':
      return issue.path.includes('disqualifies')
        ? 'a disqualification { scope, text } or a list of them'
        : 'a rule with a known kind: fixed, range, levels, tiers, perUnit, allowance, ratio, escalation, errorRate, score';
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'a lower-case id of letters, digits and dashes' : issue.format;
    default:
      return issue.message;
  }
}
