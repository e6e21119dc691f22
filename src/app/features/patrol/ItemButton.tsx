import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { itemConsequences } from '../../../core/scheme/itemConsequences';
import { pointsRange } from '../../../core/scheme/pointsRange';
import type { PatrolItem } from './patrolItems';

/** How an item's points read on its button: −5, −1~3, +2, −10/天. */
export function usePointsLabel(): (pi: PatrolItem) => string {
  const { t } = useTranslation();
  return (pi) => {
    const range = pointsRange(pi.item);
    if (!range) return '';
    const [lo, hi] = range;
    // No points, a consequence instead (工作期间饮酒 → 予以退回): say the consequence.
    const flags = itemConsequences(pi.item);
    if (hi === 0 && flags.length > 0) return flags.map((k) => t(`items.flag.${k}`)).join(t('list.separator'));
    const sign = pi.item.direction === 'deduct' ? '−' : '+';
    const base = lo === hi ? `${sign}${lo}` : `${sign}${lo}~${hi}`;
    const r = pi.item.rule;
    if (r.kind === 'perUnit') return t('items.perUnit', { points: base, per: r.per === 1 ? '' : r.per, unit: r.quantity.unit });
    if (r.kind === 'ratio') return t('items.perUnit', { points: base, per: r.step, unit: '%' });
    if (r.kind === 'escalation' || r.kind === 'allowance') return t('items.byMonth', { points: base });
    return base;
  };
}

/** One item to tap: its name, the points it moves and who it charges. */
export const ItemButton = memo(function ItemButton({
  pi,
  points,
  chosen,
  onTap,
}: {
  pi: PatrolItem;
  points: string;
  chosen: boolean;
  onTap: (key: string) => void;
}) {
  const { t } = useTranslation();
  const subject = t(`subject.${pi.item.subject}`);
  return (
    <button
      type="button"
      className={`item${pi.positive ? ' positive' : ''}${chosen ? ' chosen' : ''}`}
      aria-pressed={chosen}
      aria-label={t(pointsRange(pi.item)?.[1] === 0 && itemConsequences(pi.item).length > 0 ? 'items.labelFlag' : 'items.label', { name: pi.item.name, points, subject })}
      data-item={pi.key}
      onClick={() => onTap(pi.key)}
    >
      <span className="item-name">{pi.item.name}</span>
      <span className="item-meta">
        <span className="item-points">{points}</span>
        <span className="item-subject">{subject}</span>
      </span>
    </button>
  );
});
