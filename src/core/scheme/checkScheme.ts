import type { Band, Bound, Item, PeriodKind, Rule, SchemeData, SubjectKind, Table } from './schemeSchema';
import { boundProblem, boundsOverlap, describeBound } from './bounds';
import type { SchemeError } from './schemeError';
import { displayText, pinyinInBrackets } from './displayText';

type Problem = Omit<SchemeError, 'file'>;

/** Semantic checks the shape schema cannot express: references, bounds, overlaps, units. */
export function checkScheme(s: SchemeData): Problem[] {
  const out: Problem[] = [];
  const err = (pathParts: (string | number)[], message: string, expected: string, itemId?: string): void => {
    out.push({ path: pathParts.join('.'), pathParts, message, expected, itemId });
  };

  const tables = new Map<SubjectKind, Table>();
  const categoryTable = new Map<string, Table>();
  s.tables.forEach((t, ti) => {
    if (tables.has(t.subject)) err(['tables', ti, 'subject'], `a second table for subject "${t.subject}"`, 'one table per subject');
    tables.set(t.subject, t);
    t.categories.forEach((c, ci) => {
      if (categoryTable.has(c.id)) err(['tables', ti, 'categories', ci, 'id'], `duplicate category id "${c.id}"`, 'category ids unique in the scheme', c.id);
      categoryTable.set(c.id, t);
      if (c.floor !== undefined && c.mode === 'deduct' && c.floor > c.points) {
        err(['tables', ti, 'categories', ci, 'floor'], `floor ${c.floor} is above the category's ${c.points} points`, `a floor ≤ ${c.points}`, c.id);
      }
    });
    checkGrades(t, ti, err);
    if (!t.aggregate) {
      if (t.categories.length === 0) err(['tables', ti, 'categories'], `the ${t.subject} table has no categories`, 'at least one category, or an aggregate');
      const full = t.categories.filter((c) => c.mode !== 'bonus').reduce((sum, c) => sum + c.points, 0);
      if (Math.abs(full - t.base) > 1e-9) {
        err(['tables', ti, 'base'], `base ${t.base} but the deduct and award categories add up to ${full}`, `base ${full}, or categories adding up to ${t.base}`);
      }
    }
  });
  const order: SubjectKind[] = ['staff', 'window', 'chief', 'unit'];
  s.tables.forEach((t, ti) => {
    const uses = [...t.categories.map((c) => c.from?.subject), ...(t.aggregate?.parts.map((p) => p.of) ?? [])];
    uses.forEach((u) => {
      if (u && order.indexOf(u) >= order.indexOf(t.subject)) {
        err(['tables', ti], `the ${t.subject} table draws on the ${u} table, which is scored after it`, 'sources scored earlier: staff, then window, then chief, then unit');
      }
    });
  });

  const items = new Map<string, Item>();
  s.items.forEach((item, ii) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['items', ii, ...rest];
    if (items.has(item.id)) err(at('id'), `duplicate item id "${item.id}"`, 'item ids unique in the scheme', item.id);
    items.set(item.id, item);
    const table = categoryTable.get(item.category);
    if (!table) {
      err(at('category'), `unknown category "${item.category}"`, `one of ${[...categoryTable.keys()].join(', ')}`, item.id);
    } else {
      if (table.subject !== item.subject) {
        err(at('subject'), `subject "${item.subject}" but category "${item.category}" belongs to the ${table.subject} table`, `subject "${table.subject}"`, item.id);
      }
      const cat = table.categories.find((c) => c.id === item.category);
      if (cat && item.rule.kind !== 'score') {
        const allowed = cat.mode === 'bonus' ? ['bonus'] : cat.mode === 'award' ? ['award', 'deduct'] : ['deduct'];
        if (!allowed.includes(item.direction)) {
          err(at('direction'), `a ${item.direction} item in ${cat.mode} category "${cat.id}"`, `direction ${allowed.join(' or ')}`, item.id);
        }
        if (cat.from) err(at('category'), `category "${cat.id}" is computed from another table and takes no items`, 'a category without `from`', item.id);
      }
    }
    if (item.unrecorded !== undefined && (item.direction !== 'award' || item.rule.kind === 'levels')) {
      err(at('unrecorded'), 'unrecorded is for award items (a levels rule names its unrecorded level instead)', 'no unrecorded', item.id);
    }
    if (item.base !== undefined && item.direction !== 'deduct') {
      err(at('base'), 'base is only for deduct items inside an award category', 'no base', item.id);
    }
    checkRule(item.rule, at('rule'), item.id, err);
    const garbled = pinyinInBrackets(displayText(item));
    if (garbled) {
      const field = item.display === undefined ? 'text' : 'display';
      err(at(field), `the ${field} shown to people has pinyin in brackets ("${garbled}")`, item.display === undefined ? 'a display text in simplified Chinese beside the verbatim text' : 'simplified Chinese without pinyin', item.id);
    }
    (item.flags ?? []).forEach((f, fi) => {
      if (f.band) pushBand(f.band, at('flags', fi, 'band'), err, item.id);
    });
    (item.disqualifies ?? []).forEach((d, di) => {
      if (d.subject && !tables.has(d.subject)) err(at('disqualifies', di, 'subject'), `no ${d.subject} table to disqualify`, `one of ${[...tables.keys()].join(', ')}`, item.id);
    });
    (item.also ?? []).forEach((co, ci) => {
      const target = tables.get(co.subject);
      if (!target) err(at('also', ci, 'subject'), `no ${co.subject} table for the co-deduction`, `one of ${[...tables.keys()].join(', ')}`, item.id);
      else if (!target.categories.some((c) => c.id === co.category)) {
        const expected = target.categories.length
          ? `one of ${target.categories.map((c) => c.id).join(', ')}`
          : `a subject whose table has categories (the ${co.subject} table is an aggregate without categories)`;
        err(at('also', ci, 'category'), `category "${co.category}" is not in the ${co.subject} table`, expected, item.id);
      }
      if ((co.points === undefined) === (co.factor === undefined)) {
        err(at('also', ci), 'a co-deduction needs exactly one of points or factor', 'points: N or factor: F', item.id);
      }
      if (co.subject === item.subject) err(at('also', ci, 'subject'), 'a co-deduction on the item\'s own subject', 'another subject', item.id);
    });
  });

  s.tables.forEach((t, ti) => {
    t.categories.forEach((c, ci) => {
      if (!c.from) return;
      const src = tables.get(c.from.subject);
      if (!src || !src.categories.some((x) => x.id === c.from?.category)) {
        err(['tables', ti, 'categories', ci, 'from'], `source category "${c.from.category}" of the ${c.from.subject} table does not exist`, 'an existing table and category', c.id);
      }
    });
    const gradeIds = new Set(t.grades.map((g) => g.id));
    if (t.quota) {
      for (const key of ['grade', 'demoteTo'] as const) {
        if (!gradeIds.has(t.quota[key])) err(['tables', ti, 'quota', key], `unknown grade "${t.quota[key]}"`, `one of ${[...gradeIds].join(', ')}`);
      }
    }
    t.eligibility.forEach((e, ei) => {
      for (const key of ['grade', 'demoteTo'] as const) {
        if (!gradeIds.has(e[key])) err(['tables', ti, 'eligibility', ei, key], `unknown grade "${e[key]}"`, `one of ${[...gradeIds].join(', ')}`);
      }
      e.items.forEach((id, k) => {
        if (!items.has(id)) err(['tables', ti, 'eligibility', ei, 'items', k], `unknown item "${id}"`, 'an item id of this scheme');
      });
      pushBound(e.when, ['tables', ti, 'eligibility', ei, 'when'], err);
    });
    t.aggregate?.parts.forEach((p, pi) => {
      const path = ['tables', ti, 'aggregate', 'parts', pi];
      if ((p.of === undefined) === (p.item === undefined)) err(path, 'an aggregate part needs exactly one of `of` or `item`', 'of: staff|window|chief or item: <score item id>');
      if (p.of && !tables.has(p.of)) err([...path, 'of'], `no ${p.of} table to aggregate`, `one of ${[...tables.keys()].join(', ')}`);
      if (p.of === t.subject) err([...path, 'of'], 'a table cannot aggregate itself', 'another subject');
      if (p.item) {
        const it = items.get(p.item);
        if (!it || it.rule.kind !== 'score') err([...path, 'item'], `"${p.item}" is not a score item`, 'the id of an item with rule kind score');
      }
    });
  });

  s.triggers.forEach((tr, ti) => {
    const path = ['triggers', ti];
    if (!tables.has(tr.subject)) err([...path, 'subject'], `no ${tr.subject} table`, `one of ${[...tables.keys()].join(', ')}`, tr.id);
    const byItems = tr.items !== undefined;
    const byGrade = tr.grade !== undefined;
    if (byItems === byGrade) err(path, 'a trigger counts either items or a grade', 'items: [...] with within and when, or grade with consecutive', tr.id);
    if (byItems) {
      (tr.items ?? []).forEach((id, k) => {
        if (!items.has(id)) err([...path, 'items', k], `unknown item "${id}"`, 'an item id of this scheme', tr.id);
      });
      if (!tr.within) err([...path, 'within'], 'an item trigger needs the period it counts within', 'month, quarter or year', tr.id);
      if (!tr.when) err([...path, 'when'], 'an item trigger needs the bound that fires it', 'e.g. { gte: 3 }', tr.id);
    }
    if (byGrade) {
      const t = tables.get(tr.subject);
      if (t && !t.grades.some((g) => g.id === tr.grade)) err([...path, 'grade'], `unknown grade "${tr.grade}"`, `a grade of the ${tr.subject} table`, tr.id);
      if (!tr.consecutive) err([...path, 'consecutive'], 'a grade trigger needs the number of consecutive periods', 'a positive integer', tr.id);
      if (tr.within && tr.consecutive) {
        const fits = PERIOD_MONTHS[tr.within] / PERIOD_MONTHS[s.period];
        if (fits < tr.consecutive) {
          err([...path, 'within'], `a run of ${tr.consecutive} ${s.period}s does not fit in one ${tr.within}`, `within a period of at least ${tr.consecutive} ${s.period}s, or no within`, tr.id);
        }
      }
    }
    if (tr.band) pushBand(tr.band, [...path, 'band'], err, tr.id);
    if (tr.when) pushBound(tr.when, [...path, 'when'], err, tr.id);
  });
  return out;
}

type Err = (pathParts: (string | number)[], message: string, expected: string, itemId?: string) => void;

const PERIOD_MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

function pushBand(b: Band, path: (string | number)[], err: Err, itemId?: string): void {
  if (b.min > b.max) err(path, `band ${b.min}-${b.max}${b.unit} runs backwards`, 'min ≤ max', itemId);
}

function pushBound(b: Bound, path: (string | number)[], err: Err, itemId?: string): void {
  const p = boundProblem(b);
  if (p) err(path, p, 'a bound with at most one lower end (gt|gte) and one upper end (lt|lte), lower ≤ upper', itemId);
}

function checkNoOverlap(bounds: Bound[], path: (string | number)[], what: string, err: Err, itemId?: string): void {
  bounds.forEach((b, i) => pushBound(b, [...path, i], err, itemId));
  for (let i = 0; i < bounds.length; i++) {
    for (let j = i + 1; j < bounds.length; j++) {
      const a = bounds[i];
      const b = bounds[j];
      if (a && b && !boundProblem(a) && !boundProblem(b) && boundsOverlap(a, b)) {
        err([...path, j], `${what} ${i + 1} (${describeBound(a)}) and ${j + 1} (${describeBound(b)}) overlap`, 'bounds that share no number: say which one wins with gt/gte', itemId);
      }
    }
  }
}

function checkRule(rule: Rule, path: (string | number)[], itemId: string, err: Err): void {
  switch (rule.kind) {
    case 'range':
      if (rule.min < 0 || rule.max < rule.min) err(path, `range ${rule.min}-${rule.max} is not a range of magnitudes`, '0 ≤ min ≤ max', itemId);
      break;
    case 'levels': {
      const ids = rule.levels.map((l) => l.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) err([...path, 'levels', i, 'id'], `duplicate level id "${id}"`, 'level ids unique in the item', itemId);
      });
      if (rule.unrecorded !== undefined && !ids.includes(rule.unrecorded)) {
        err([...path, 'unrecorded'], `unknown level "${rule.unrecorded}"`, `one of ${ids.join(', ')}`, itemId);
      }
      if (rule.unrecorded !== undefined && !rule.once) err([...path, 'unrecorded'], 'unrecorded needs once: true', 'once: true', itemId);
      break;
    }
    case 'tiers':
      checkNoOverlap(rule.tiers.map((t) => t.when), [...path, 'tiers'], 'tiers', err, itemId);
      break;
    case 'escalation':
      checkNoOverlap(rule.steps.map((t) => t.count), [...path, 'steps'], 'steps', err, itemId);
      break;
    case 'errorRate':
      pushBound(rule.zeroWhen, [...path, 'zeroWhen'], err, itemId);
      break;
    default:
      break;
  }
}

function checkGrades(t: Table, ti: number, err: Err): void {
  const ids = t.grades.map((g) => g.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) err(['tables', ti, 'grades', i, 'id'], `duplicate grade id "${id}"`, 'grade ids unique in the table', id);
  });
  t.grades.forEach((g, i) =>
    (g.flags ?? []).forEach((f, fi) => {
      if (f.band) pushBand(f.band, ['tables', ti, 'grades', i, 'flags', fi, 'band'], err, g.id);
    }),
  );
  const banded = t.grades.flatMap((g, i) => (g.when ? [{ when: g.when, i }] : []));
  banded.forEach(({ when, i }) => pushBound(when, ['tables', ti, 'grades', i, 'when'], err));
  for (let a = 0; a < banded.length; a++) {
    for (let b = a + 1; b < banded.length; b++) {
      const x = banded[a];
      const y = banded[b];
      if (x && y && !boundProblem(x.when) && !boundProblem(y.when) && boundsOverlap(x.when, y.when)) {
        err(['tables', ti, 'grades', y.i], `grades ${x.i + 1} (${describeBound(x.when)}) and ${y.i + 1} (${describeBound(y.when)}) overlap`, 'bounds that share no number: say which one wins with gt/gte');
      }
    }
  }
}
