import type { TFunction } from 'i18next';
import type { ExplanationLine } from '../../core/scoring/explanation';
import { calcText } from './calcText';
import { gradeReasonText } from '../../words/gradeText';

/** An explanation line as words: what moved or trimmed the points, how, and by how many (null: nothing moved). */
export interface ExplainedLine {
  /** The item (with its clause) or what the line is about. */
  what: string;
  /** The arithmetic, or the whole sentence of a trim. */
  detail: string;
  points: number | null;
  /** move: a finding or period line; trim: a cap or floor; sum: how a total was built; grade. */
  role: 'move' | 'trim' | 'sum' | 'grade';
}

/** Word one line of a result's explanation from the engine's data, in the language of `t`. */
export function explainLine(line: ExplanationLine, t: TFunction): ExplainedLine {
  const k = 'explainLines.line';
  switch (line.kind) {
    case 'finding':
    case 'period':
      return { what: `${line.itemName} ${line.clause}`, detail: calcText(line.calc, t), points: line.points, role: 'move' };
    case 'follow-up':
      return { what: `${line.itemName} ${line.clause}`, detail: t(`${k}.followUp`, { text: line.text, days: line.days, lastDay: line.lastDay, points: Math.abs(line.points) }), points: line.points, role: 'move' };
    case 'item-cap':
      return { what: line.itemName, detail: t('explain.itemCap', { item: line.itemName, cap: line.cap, trimmed: line.trimmed }), points: null, role: 'trim' };
    case 'category-floor':
      return { what: line.categoryName, detail: t('explain.categoryFloor', { category: line.categoryName, floor: line.floor, trimmed: line.trimmed }), points: null, role: 'trim' };
    case 'category-cap':
      return { what: line.categoryName, detail: t('explain.categoryCap', { category: line.categoryName, max: line.max, trimmed: line.trimmed }), points: null, role: 'trim' };
    case 'bonus-cap':
      return { what: '', detail: t('explain.bonusCap', { cap: line.cap, trimmed: line.trimmed }), points: null, role: 'trim' };
    case 'total-floor':
      return { what: '', detail: t('explain.totalFloor', { floor: line.floor, trimmed: line.trimmed }), points: null, role: 'trim' };
    case 'category-from':
      return {
        what: t('explain.aggregate'),
        detail:
          line.mean === null
            ? t(`${k}.categoryFromNone`, { category: line.categoryName, points: line.points })
            : t(`${k}.categoryFrom`, { category: line.categoryName, members: line.members, source: line.source.categoryId, mean: line.mean, scale: line.scale === 1 ? '' : ` × ${line.scale}`, points: line.points }),
        points: line.points,
        role: 'sum',
      };
    case 'aggregate-part': {
      const subject = line.of ? t(`subject.${line.of}`) : '';
      const item = line.itemName ?? line.itemId ?? '';
      const detail =
        line.value === null
          ? t(line.of ? `${k}.partMissingOf` : `${k}.partMissingItem`, { subject, item, weight: line.weight })
          : t(line.of ? `${k}.partOf` : `${k}.partItem`, { subject, item, members: line.members, value: line.value, weight: line.weight });
      return { what: t('explain.aggregate'), detail, points: line.value, role: 'sum' };
    }
    case 'period-total':
      return {
        what: t('explain.aggregate'),
        detail: line.gradeName ? t(`${k}.periodTotalGraded`, { period: line.periodKey, total: line.total, grade: line.gradeName }) : t(`${k}.periodTotal`, { period: line.periodKey, total: line.total }),
        points: line.total,
        role: 'sum',
      };
    case 'period-mean':
      return { what: t('explain.aggregate'), detail: t(`${k}.periodMean`, { periods: line.periods, total: line.total }), points: line.total, role: 'sum' };
    case 'grade':
      return { what: t('explain.grade', { grade: line.gradeName }), detail: gradeReasonText(line.reason, line.gradeName, t), points: null, role: 'grade' };
  }
}
