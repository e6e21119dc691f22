import { describe, it, expect } from 'vitest';
import { parseScheme } from '../../../src/core/scheme/parseScheme';
import type { SchemeError } from '../../../src/core/scheme/schemeError';
import { MINI_SCHEME_YAML } from '../../fixtures/miniScheme';

const FILE = 'mini.yaml';

/** MINI_SCHEME_YAML with `from` replaced by `to`; fails loudly when `from` is not in the text exactly once. */
function edit(from: string, to: string, text = MINI_SCHEME_YAML): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`test setup: "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the only line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`test setup: "${needle}" must be on exactly one line, found ${hits.length}`);
  return hits[0] as number;
}

/** Parse text that must fail, and return its errors. */
function errorsOf(text: string): SchemeError[] {
  const r = parseScheme(text, FILE);
  if (r.ok) throw new Error('expected the scheme to be rejected, but it parsed');
  for (const e of r.errors) expect(e.file).toBe(FILE);
  return r.errors;
}

/** The one error at `path` (and there is exactly one error in total). */
function onlyError(text: string): SchemeError {
  const errors = errorsOf(text);
  expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
  return errors[0] as SchemeError;
}

describe('parseScheme: a valid scheme', () => {
  it('parses MINI_SCHEME_YAML with its defaults applied', () => {
    const r = parseScheme(MINI_SCHEME_YAML, FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
    expect(r.scheme.id).toBe('mini');
    expect(r.scheme.version).toBe(1);
    expect(r.scheme.tables.map((t) => t.subject)).toEqual(['staff', 'window', 'chief', 'unit']);
    expect(r.scheme.items).toHaveLength(12);
    expect(r.scheme.rollup).toEqual({ quarter: 'average', year: 'direct' });
    const rude = r.scheme.items.find((i) => i.id === 'rude');
    expect(rude?.rule).toEqual({ kind: 'range', min: 1, max: 3, step: 0.5 });
    const leave = r.scheme.items.find((i) => i.id === 'leave-days');
    expect(leave?.rule).toMatchObject({ kind: 'perUnit', per: 3, rounding: 'floor', basis: 'period', quantity: { min: 0, integer: false } });
    expect(r.scheme.tables[3]?.categories).toEqual([]);
    expect(r.scheme.triggers.map((t) => t.id)).toEqual(['complaints', 'three-fails']);
  });

  it('accepts the same scheme as JSON', () => {
    const first = parseScheme(MINI_SCHEME_YAML, FILE);
    if (!first.ok) throw new Error('mini scheme must parse');
    const again = parseScheme(JSON.stringify(first.scheme), 'mini.json');
    expect(again.ok).toBe(true);
  });
});

describe('parseScheme: not a scheme document', () => {
  it('rejects prose that YAML reads as a single string: the document must be an object', () => {
    const e = onlyError('这不是一个方案文件，只是一段说明文字。');
    expect(e.path).toBe('');
    expect(e.expected).toBe('object');
    expect(e.message).toMatch(/expected object, received string/);
    expect(e.line).toBe(1);
  });

  it('rejects text that is not YAML at all', () => {
    const errors = errorsOf('@@@ 考核办法 @@@\n');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.path).toBe('');
      expect(e.message).toMatch(/^not valid YAML\/JSON: /);
      expect(e.expected).toBe('a YAML or JSON document');
    }
    expect(errors[0]?.message).toMatch(/reserved character @/);
  });

  it('rejects an empty file', () => {
    const e = onlyError('');
    expect(e.path).toBe('');
    expect(e.expected).toBe('object');
  });
});

describe('parseScheme: YAML syntax errors report their line', () => {
  // Regression (found at f80a034): parseScheme passed `prettyErrors: false` to yaml's parseDocument, so yaml never
  // filled `error.linePos` and every syntax error came back with `line: undefined` (the offset is in `error.pos[0]`).
  it('reports the line of a nested mapping on one line (title: 测试: 办法)', () => {
    const text = edit('title: 测试办法\n', 'title: 测试: 办法\n');
    const errors = errorsOf(text);
    expect(errors[0]?.message).toMatch(/^not valid YAML\/JSON: Nested mappings are not allowed in compact mappings/);
    expect(errors[0]?.expected).toBe('a YAML or JSON document');
    expect(errors[0]?.line).toBe(lineOf(text, 'title: 测试: 办法'));
  });

  it('reports the line of a tab used as indentation', () => {
    const text = 'format: hall-patrol/scheme@1\nid: mini\ntables:\n\t- subject: staff\n';
    const e = onlyError(text);
    expect(e.message).toMatch(/Tabs are not allowed as indentation/);
    expect(e.path).toBe('');
    expect(e.line).toBe(4);
  });

  it('reports a duplicate key, on the line of the second key', () => {
    const text = edit('id: mini\n', 'id: mini\nid: mini2\n');
    const e = onlyError(text);
    expect(e.message).toMatch(/Map keys must be unique/);
    expect(e.line).toBe(lineOf(text, 'id: mini2'));
  });
});

describe('parseScheme: shape errors (zod)', () => {
  it('names the item, the field path and the expected type of a missing required field', () => {
    const text = edit('clause: "一2", ', '');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1.clause');
    expect(e.expected).toBe('string');
    expect(e.message).toMatch(/expected string, received undefined/);
    // The missing field has no node of its own; the error may point at the item's line or give none.
    expect([undefined, lineOf(text, '{ id: roam,')]).toContain(e.line);
  });

  it('names the field and line of a value of the wrong type (top level)', () => {
    const text = edit('version: 1\n', 'version: one\n');
    const e = onlyError(text);
    expect(e.path).toBe('version');
    expect(e.itemId).toBeUndefined();
    expect(e.expected).toBe('number');
    expect(e.message).toMatch(/expected number, received string/);
    expect(e.line).toBe(lineOf(text, 'version: one'));
  });

  it('names the item, rule field and line of a value of the wrong type inside a rule', () => {
    const text = edit('rule: { kind: fixed, points: 0.5 }', 'rule: { kind: fixed, points: "half" }');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1.rule.points');
    expect(e.expected).toBe('number');
    expect(e.line).toBe(lineOf(text, '{ id: roam,'));
  });

  // Regression (found at f80a034): owningId() took the innermost object with an `id`, so an error inside a level of
  // a `levels` rule named the level ("city") instead of the item ("media"). SchemeError.itemId is documented as the id of
  // the item (or category, table, trigger) the problem is in.
  it('names the owning item (not the level) for a wrong type inside a levels rule', () => {
    const text = edit('{ id: city, name: 市级, points: 1 }', '{ id: city, name: 市级, points: one }');
    const e = onlyError(text);
    expect(e.path).toBe('items.9.rule.levels.1.points');
    expect(e.expected).toBe('number');
    expect(e.line).toBe(lineOf(text, 'points: one'));
    expect(e.itemId).toBe('media');
  });

  it('rejects an unknown rule kind, listing the known kinds', () => {
    const text = edit('rule: { kind: fixed, points: 0.5 }', 'rule: { kind: fixd, points: 0.5 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1.rule.kind');
    expect(e.message).toMatch(/discriminator/i);
    expect(e.expected).toContain('a rule with a known kind');
    for (const kind of ['fixed', 'range', 'levels', 'tiers', 'perUnit', 'allowance', 'ratio', 'escalation', 'errorRate', 'score']) {
      expect(e.expected).toContain(kind);
    }
    expect(e.line).toBe(lineOf(text, 'kind: fixd'));
  });

  it('rejects an unknown field (strict objects), naming the key', () => {
    const text = edit('rule: { kind: fixed, points: 0.5 }, cap: 1', 'rule: { kind: fixed, points: 0.5 }, cap: 1, weight: 2');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1');
    expect(e.message).toContain('"weight"');
    expect(e.expected).toContain('only the documented fields');
    expect(e.line).toBe(lineOf(text, '{ id: roam,'));
  });

  it('rejects an unknown field in a bound', () => {
    const text = edit('{ when: { gt: 60 }, points: 1 }', '{ when: { gt: 60, ge: 61 }, points: 1 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('late');
    expect(e.path).toBe('items.0.rule.tiers.2.when');
    expect(e.message).toContain('"ge"');
  });

  it('rejects an id that is not a lower-case id', () => {
    const text = edit('{ id: roam,', '{ id: Roam,');
    const e = onlyError(text);
    expect(e.path).toBe('items.1.id');
    expect(e.itemId).toBe('Roam');
    expect(e.expected).toBe('a lower-case id of letters, digits and dashes');
    expect(e.line).toBe(lineOf(text, '{ id: Roam,'));
  });
});

describe('parseScheme: semantic errors (checkScheme)', () => {
  it('rejects a duplicate item id, at the second item', () => {
    const text = edit('{ id: banner,', '{ id: roam,');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.10.id');
    expect(e.message).toBe('duplicate item id "roam"');
    expect(e.expected).toBe('item ids unique in the scheme');
    expect(e.line).toBe(lineOf(text, 'name: 锦旗'));
  });

  it('rejects an item in an unknown category, listing the known ones', () => {
    const text = edit('{ id: roam, category: discipline', '{ id: roam, category: disciplin');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1.category');
    expect(e.message).toBe('unknown category "disciplin"');
    expect(e.expected).toBe('one of discipline, service, bonus, w-main, c-main');
    expect(e.line).toBe(lineOf(text, '{ id: roam,'));
  });

  it('rejects an item whose subject does not match its category\'s table', () => {
    const text = edit('clause: "一2", subject: staff', 'clause: "一2", subject: window');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1.subject');
    expect(e.message).toBe('subject "window" but category "discipline" belongs to the staff table');
    expect(e.expected).toBe('subject "staff"');
    expect(e.line).toBe(lineOf(text, '{ id: roam,'));
  });

  it('rejects a bonus item in a deduct category', () => {
    const text = edit('{ id: banner, category: bonus', '{ id: banner, category: discipline');
    const e = onlyError(text);
    expect(e.itemId).toBe('banner');
    expect(e.path).toBe('items.10.direction');
    expect(e.message).toBe('a bonus item in deduct category "discipline"');
    expect(e.expected).toBe('direction deduct');
    expect(e.line).toBe(lineOf(text, '{ id: banner,'));
  });

  it('rejects a deduct item in a bonus category', () => {
    const text = edit('{ id: roam, category: discipline', '{ id: roam, category: bonus');
    const e = onlyError(text);
    expect(e.itemId).toBe('roam');
    expect(e.path).toBe('items.1.direction');
    expect(e.expected).toBe('direction bonus');
  });

  it('rejects overlapping tiers, naming both tiers and their bounds', () => {
    const text = edit('{ when: { gt: 30, lte: 60 }, points: 0.5 }', '{ when: { gte: 30, lte: 60 }, points: 0.5 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('late');
    expect(e.path).toBe('items.0.rule.tiers.1');
    expect(e.message).toBe('tiers 1 (>0 ≤30) and 2 (≥30 ≤60) overlap');
    expect(e.expected).toContain('share no number');
    expect(e.line).toBe(lineOf(text, 'tiers: [ { when: { gt: 0, lte: 30 }'));
  });

  it('accepts tiers that only touch at an excluded end', () => {
    // {gt:0,lte:30} and {gt:30,lte:60} share no number: the mini scheme itself.
    expect(parseScheme(MINI_SCHEME_YAML, FILE).ok).toBe(true);
    // {lt:30} and {gte:30} share none either.
    const text = edit('{ when: { gt: 0, lte: 30 }, points: 0.1 }, { when: { gt: 30, lte: 60 }', '{ when: { gt: 0, lt: 30 }, points: 0.1 }, { when: { gte: 30, lte: 60 }');
    expect(parseScheme(text, FILE).ok).toBe(true);
  });

  it('rejects overlapping escalation steps, naming both', () => {
    const text = edit('{ count: { gte: 2 }, points: 5 }', '{ count: { gte: 1 }, points: 5 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('quarrel');
    expect(e.path).toBe('items.8.rule.steps.1');
    expect(e.message).toBe('steps 1 (≥1 <2) and 2 (≥1) overlap');
  });

  it('rejects a bound with both gt and gte', () => {
    const text = edit('{ when: { gt: 60 }, points: 1 }', '{ when: { gt: 60, gte: 61 }, points: 1 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('late');
    expect(e.path).toBe('items.0.rule.tiers.2');
    expect(e.message).toBe('both gt and gte are set; keep one lower end');
    expect(e.expected).toContain('at most one lower end (gt|gte)');
    expect(e.line).toBe(lineOf(text, 'gte: 61'));
  });

  it('rejects a bound with both lt and lte (in a grade)', () => {
    const text = edit('{ id: pass, name: 合格, when: { gte: 60, lt: 80 } }', '{ id: pass, name: 合格, when: { gte: 60, lt: 80, lte: 79 } }');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.grades.2.when');
    expect(e.message).toBe('both lt and lte are set; keep one upper end');
    expect(e.line).toBe(lineOf(text, 'lte: 79'));
  });

  it('rejects a bound whose lower end is above its upper end', () => {
    const text = edit('{ when: { gt: 60 }, points: 1 }', '{ when: { gt: 60, lte: 45 }, points: 1 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('late');
    expect(e.path).toBe('items.0.rule.tiers.2');
    expect(e.message).toBe('the lower end 60 is above the upper end 45');
    expect(e.expected).toContain('lower ≤ upper');
    expect(e.line).toBe(lineOf(text, 'lte: 45'));
  });

  it('rejects an empty bound (gt 60 and lt 60)', () => {
    const text = edit('{ when: { gt: 60 }, points: 1 }', '{ when: { gt: 60, lt: 60 }, points: 1 }');
    const e = onlyError(text);
    expect(e.path).toBe('items.0.rule.tiers.2');
    expect(e.message).toBe('the bound around 60 is empty');
  });

  it('rejects a lower > upper bound in a trigger, naming the trigger', () => {
    const text = edit('within: month, when: { gte: 3 }', 'within: month, when: { gte: 3, lt: 2 }');
    const e = onlyError(text);
    expect(e.itemId).toBe('complaints');
    expect(e.path).toBe('triggers.0.when');
    expect(e.message).toBe('the lower end 3 is above the upper end 2');
  });

  it('rejects overlapping grades, naming both', () => {
    const text = edit('{ id: good, name: 良好, when: { gte: 80, lte: 90 } }', '{ id: good, name: 良好, when: { gte: 80, lte: 95 } }');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.grades.1');
    expect(e.message).toBe('grades 1 (>90) and 2 (≥80 ≤95) overlap');
    expect(e.expected).toContain('share no number');
    expect(e.line).toBe(lineOf(text, '{ id: good,'));
  });

  it('rejects grades that meet at an end both include (gte 90 and lte 90)', () => {
    const text = edit('{ id: excellent, name: 优秀, when: { gt: 90 }', '{ id: excellent, name: 优秀, when: { gte: 90 }');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.grades.1');
    expect(e.message).toBe('grades 1 (≥90) and 2 (≥80 ≤90) overlap');
  });

  it('rejects a quota naming an unknown grade', () => {
    const text = edit('quota: { grade: excellent,', 'quota: { grade: outstanding,');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.quota.grade');
    expect(e.message).toBe('unknown grade "outstanding"');
    expect(e.expected).toBe('one of excellent, good, pass, fail');
    expect(e.line).toBe(lineOf(text, 'quota:'));
  });

  it('rejects a quota demoting to an unknown grade', () => {
    const text = edit('maxShare: 0.5, demoteTo: good }', 'maxShare: 0.5, demoteTo: fine }');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.quota.demoteTo');
    expect(e.message).toBe('unknown grade "fine"');
  });

  it('rejects eligibility naming an unknown grade and an unknown item', () => {
    const text = edit('{ grade: excellent, demoteTo: good, items: [leave-days]', '{ grade: excellent, demoteTo: okay, items: [leave-dayz]');
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['tables.0.eligibility.0.demoteTo', 'unknown grade "okay"'],
      ['tables.0.eligibility.0.items.0', 'unknown item "leave-dayz"'],
    ]);
  });

  it('rejects a co-deduction to a subject with no table', () => {
    // Drop the chief table: phone's co-deduction on the chief has nowhere to go.
    const start = MINI_SCHEME_YAML.indexOf('  - subject: chief\n');
    const end = MINI_SCHEME_YAML.indexOf('  - subject: unit\n');
    const text = MINI_SCHEME_YAML.slice(0, start) + MINI_SCHEME_YAML.slice(end);
    const e = onlyError(text);
    expect(e.itemId).toBe('phone');
    expect(e.path).toBe('items.2.also.1.subject');
    expect(e.message).toBe('no chief table for the co-deduction');
    expect(e.expected).toBe('one of staff, window, unit');
    expect(e.line).toBe(lineOf(text, '{ subject: chief, factor: 0.5'));
  });

  it('rejects a co-deduction into a category that is not in the target table', () => {
    const text = edit('{ subject: window, points: 2, category: w-main }', '{ subject: window, points: 2, category: c-main }');
    const e = onlyError(text);
    expect(e.itemId).toBe('phone');
    expect(e.path).toBe('items.2.also.0.category');
    expect(e.message).toBe('category "c-main" is not in the window table');
    expect(e.expected).toBe('one of w-main');
  });

  // Regression (found at f80a034, message only): a co-deduction onto a table that has no categories (the unit table
  // is an aggregate) was rejected with `expected` the empty list "one of " — it should say that the table has no
  // categories to receive points.
  it('explains a co-deduction onto a table without categories (not "one of " with an empty list)', () => {
    const text = edit('{ subject: window, points: 2, category: w-main }', '{ subject: unit, points: 2, category: w-main }');
    const e = onlyError(text);
    expect(e.itemId).toBe('phone');
    expect(e.path).toBe('items.2.also.0.category');
    expect(e.message).toContain('unit table');
    expect(e.expected).not.toMatch(/^one of\s*$/);
  });

  it('rejects a co-deduction with both points and factor', () => {
    const text = edit('{ subject: window, points: 2, category: w-main }', '{ subject: window, points: 2, factor: 0.5, category: w-main }');
    const e = onlyError(text);
    expect(e.itemId).toBe('phone');
    expect(e.path).toBe('items.2.also.0');
    expect(e.message).toBe('a co-deduction needs exactly one of points or factor');
    expect(e.expected).toBe('points: N or factor: F');
    expect(e.line).toBe(lineOf(text, 'factor: 0.5, category: w-main'));
  });

  it('rejects a co-deduction with neither points nor factor', () => {
    const text = edit('{ subject: window, points: 2, category: w-main }', '{ subject: window, category: w-main }');
    const e = onlyError(text);
    expect(e.path).toBe('items.2.also.0');
    expect(e.message).toBe('a co-deduction needs exactly one of points or factor');
  });

  it('rejects a co-deduction on the item\'s own subject', () => {
    const text = edit('{ subject: window, points: 2, category: w-main }', '{ subject: staff, points: 2, category: service }');
    const e = onlyError(text);
    expect(e.path).toBe('items.2.also.0.subject');
    expect(e.message).toBe('a co-deduction on the item\'s own subject');
  });

  it('rejects a trigger counting an unknown item, naming the trigger', () => {
    const text = edit('items: [rude], within: month', 'items: [rude, shout], within: month');
    const e = onlyError(text);
    expect(e.itemId).toBe('complaints');
    expect(e.path).toBe('triggers.0.items.1');
    expect(e.message).toBe('unknown item "shout"');
    expect(e.expected).toBe('an item id of this scheme');
    expect(e.line).toBe(lineOf(text, 'items: [rude, shout]'));
  });

  it('rejects a grade trigger naming an unknown grade', () => {
    const text = edit('grade: fail, consecutive: 3', 'grade: failed, consecutive: 3');
    const e = onlyError(text);
    expect(e.itemId).toBe('three-fails');
    expect(e.path).toBe('triggers.1.grade');
    expect(e.message).toBe('unknown grade "failed"');
  });

  it('rejects levels `unrecorded` naming an unknown level', () => {
    const text = edit('{ id: city, name: 市级, points: 1 } ] }', '{ id: city, name: 市级, points: 1 } ], once: true, unrecorded: county }');
    const e = onlyError(text);
    expect(e.itemId).toBe('media');
    expect(e.path).toBe('items.9.rule.unrecorded');
    expect(e.message).toBe('unknown level "county"');
    expect(e.expected).toBe('one of national, city');
    expect(e.line).toBe(lineOf(text, 'unrecorded: county'));
  });

  it('rejects levels `unrecorded` without once: true', () => {
    const text = edit('{ id: city, name: 市级, points: 1 } ] }', '{ id: city, name: 市级, points: 1 } ], unrecorded: city }');
    const e = onlyError(text);
    expect(e.itemId).toBe('media');
    expect(e.path).toBe('items.9.rule.unrecorded');
    expect(e.expected).toBe('once: true');
  });

  it('rejects a table base that does not match its deduct and award categories', () => {
    const text = edit('    base: 100\n', '    base: 110\n');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.base');
    expect(e.message).toBe('base 110 but the deduct and award categories add up to 100');
    expect(e.expected).toBe('base 100, or categories adding up to 110');
    expect(e.line).toBe(lineOf(text, 'base: 110'));
  });

  it('rejects a `from` category drawing on a table scored later', () => {
    const text = edit(
      '      - { id: w-main, name: 窗口, mode: deduct, points: 10, clause: "四" }\n',
      '      - { id: w-main, name: 窗口, mode: deduct, points: 10, clause: "四" }\n' +
        '      - { id: w-lead, name: 带班, mode: award, points: 0, clause: "四", from: { subject: chief, category: c-main, method: average } }\n',
    );
    const e = onlyError(text);
    expect(e.path).toBe('tables.1');
    expect(e.message).toBe('the window table draws on the chief table, which is scored after it');
    expect(e.expected).toBe('sources scored earlier: staff, then window, then chief, then unit');
    expect(e.line).toBe(lineOf(text, '  - subject: window'));
  });

  it('accepts a `from` category drawing on an earlier table', () => {
    const text = edit(
      '      - { id: w-main, name: 窗口, mode: deduct, points: 10, clause: "四" }\n',
      '      - { id: w-main, name: 窗口, mode: deduct, points: 10, clause: "四" }\n' +
        '      - { id: w-att, name: 考勤, mode: award, points: 0, clause: "四", from: { subject: staff, category: discipline, method: average } }\n',
    );
    expect(parseScheme(text, FILE).ok).toBe(true);
  });

  it('rejects a `from` category whose source category does not exist', () => {
    const text = edit(
      '      - { id: w-main, name: 窗口, mode: deduct, points: 10, clause: "四" }\n',
      '      - { id: w-main, name: 窗口, mode: deduct, points: 10, clause: "四" }\n' +
        '      - { id: w-att, name: 考勤, mode: award, points: 0, clause: "四", from: { subject: staff, category: attendance, method: average } }\n',
    );
    const e = onlyError(text);
    expect(e.itemId).toBe('w-att');
    expect(e.path).toBe('tables.1.categories.1.from');
    expect(e.message).toBe('source category "attendance" of the staff table does not exist');
  });

  it('rejects a deduct category floor above its points', () => {
    const text = edit('points: 20, floor: 0', 'points: 20, floor: 30');
    const e = onlyError(text);
    expect(e.itemId).toBe('discipline');
    expect(e.path).toBe('tables.0.categories.0.floor');
    expect(e.expected).toBe('a floor ≤ 20');
  });

  it('reads one disqualification or a list, always a list once parsed; `reach` defaults to within', () => {
    const one = parseScheme(MINI_SCHEME_YAML, FILE);
    if (!one.ok) throw new Error('mini scheme rejected');
    expect(one.scheme.items.find((i) => i.id === 'absent')?.disqualifies).toEqual([{ scope: 'quarter', reach: 'within', text: '取消本季度评优' }]);
    const text = edit('disqualifies: { scope: quarter, text: 取消本季度评优 }', 'disqualifies: [{ scope: quarter, text: 当季度 }, { scope: year, reach: result, text: 年终 }]');
    const two = parseScheme(text, FILE);
    if (!two.ok) throw new Error(JSON.stringify(two.errors));
    expect(two.scheme.items.find((i) => i.id === 'absent')?.disqualifies).toEqual([
      { scope: 'quarter', reach: 'within', text: '当季度' },
      { scope: 'year', reach: 'result', text: '年终' },
    ]);
  });

  it('rejects a disqualification that is neither an object nor a list, saying what is expected', () => {
    const e = onlyError(edit('disqualifies: { scope: quarter, text: 取消本季度评优 }', 'disqualifies: 取消本季度评优'));
    expect(e.itemId).toBe('absent');
    expect(e.path).toBe('items.5.disqualifies');
    expect(e.expected).toBe('a disqualification { scope, text } or a list of them');
  });

  it('rejects a band that runs backwards (酌情扣除服务费5-8% written 8-5)', () => {
    const text = edit('flags: [{ kind: consequence, text: 扣服务费 }]', 'flags: [{ kind: consequence, text: 扣服务费, band: { min: 8, max: 5, unit: "%" } }]');
    const e = onlyError(text);
    expect(e.path).toBe('tables.0.grades.3.flags.0.band');
    expect(e.message).toBe('band 8-5% runs backwards');
  });

  it('rejects a grade trigger whose run does not fit in its `within` period (4 months within a quarter)', () => {
    const text = edit('grade: fail, consecutive: 3 }', 'grade: fail, consecutive: 4, within: quarter }');
    const e = onlyError(text);
    expect(e.path).toBe('triggers.1.within');
    expect(e.message).toBe('a run of 4 months does not fit in one quarter');
  });

  it('reports every problem of a scheme with several, each with its own path', () => {
    let text = edit('{ id: banner,', '{ id: roam,');
    text = edit('quota: { grade: excellent,', 'quota: { grade: outstanding,', text);
    text = edit('items: [rude], within: month', 'items: [shout], within: month', text);
    const paths = errorsOf(text).map((e) => e.path);
    expect([...paths].sort()).toEqual(['items.10.id', 'tables.0.quota.grade', 'triggers.0.items.0']);
  });
});
