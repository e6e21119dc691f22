import type { TFunction } from 'i18next';
import type { Flag, FlagSource } from '../../core/scoring/flag';

/** What raised a flag, in words: the item's clause and name, the grade, or the trigger's clause. */
export function flagSourceText(s: FlagSource, t: TFunction): string {
  if (s.kind === 'item') return t('explainLines.flag.sourceItem', { clause: s.clause, item: s.itemName });
  if (s.kind === 'grade') return t('explainLines.flag.sourceGrade', { grade: s.gradeName });
  return s.clause;
}

/** A flag in words: the regulation's text, what fired it (a count, a quantity, periods in a row) and its source. */
export function flagText(f: Flag, t: TFunction): string {
  const m = f.measure;
  const measure = !m ? '' : m.kind === 'consecutive' ? t('explainLines.flag.consecutive', { periods: m.periods, through: m.through }) : t(`explainLines.flag.${m.kind}`, { value: m.value });
  return measure ? t('explainLines.flag.withMeasure', { text: f.text, measure }) : f.text;
}
