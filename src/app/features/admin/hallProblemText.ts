import type { TFunction } from 'i18next';
import type { HallProblem } from '../../../core/model/hallProblems';
import type { Roster } from '../../../core/model/roster';

/** A hall setup problem (core data) in the person's words, naming windows by number and units by name. */
export function hallProblemText(t: TFunction<'admin'>, p: HallProblem, roster: Roster): string {
  const unitName = (id: string): string => roster.units.find((u) => u.id === id)?.name ?? id;
  switch (p.kind) {
    case 'id-repeated':
      return t('problem.id-repeated', { id: p.id, list: t(`problem.lists.${p.list}`) });
    case 'tiles-overlap':
      return t('problem.tiles-overlap', { a: p.numbers[0], b: p.numbers[1] });
    case 'chiefs-repeated':
      return t('problem.chiefs-repeated', { unit: unitName(p.unitId) });
    case 'opening-hours':
      return t('problem.opening-hours', { part: t(`problem.parts.${p.part}`), from: p.from, to: p.to });
    case 'area-outside-floor':
      return t('problem.area-outside-floor', { name: p.name || t('floor.entrance') });
    default:
      return t(`problem.${p.kind}`, p);
  }
}
