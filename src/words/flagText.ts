import type { TFunction } from 'i18next';
import type { Flag, FlagMeasure, FlagSource } from '../core/scoring/flag';

/** What raised a flag, in words: the item's clause and name, the grade (and the period it was held in), or the trigger's clause. */
export function flagSourceText(s: FlagSource, t: TFunction): string {
  if (s.kind === 'item') return t('explainLines.flag.sourceItem', { clause: s.clause, item: s.itemName });
  if (s.kind === 'grade') return t('explainLines.flag.sourceGrade', { grade: s.gradeName, period: s.periodKey });
  return s.clause;
}

/** A flag in words: the regulation's text, what fired it (a count, a quantity, periods in a row, an overdue deadline), its band. */
export function flagText(f: Flag, t: TFunction): string {
  const measure = f.measure ? measureText(f.measure, t) : '';
  const text = measure ? t('explainLines.flag.withMeasure', { text: f.text, measure }) : f.text;
  if (!f.band) return text;
  const b = f.band;
  const band = b.of ? t('explainLines.flag.bandOf', { min: b.min, max: b.max, unit: b.unit, of: b.of }) : t('explainLines.flag.band', { min: b.min, max: b.max, unit: b.unit });
  return t('explainLines.flag.withBand', { text, band });
}

function measureText(m: FlagMeasure, t: TFunction): string {
  switch (m.kind) {
    case 'consecutive':
      return t('explainLines.flag.consecutive', { periods: m.periods, through: m.through });
    case 'overdue':
      return t('explainLines.flag.overdue', { days: m.days, lastDay: m.lastDay, points: m.points });
    case 'count':
    case 'quantity':
      return t(`explainLines.flag.${m.kind}`, { value: m.value, period: m.periodKey });
  }
}
