import { memo } from 'react';
import { ItemButton, usePointsLabel } from './ItemButton';
import type { PatrolItem } from './patrolItems';

/** One titled group of item buttons. Memoised: a new finding elsewhere does not re-render the catalogue. */
export const ItemGroupList = memo(function ItemGroupList({
  title,
  items,
  chosen,
  onTap,
}: {
  title: string;
  items: readonly PatrolItem[];
  chosen: string | null;
  onTap: (key: string) => void;
}) {
  const pointsLabel = usePointsLabel();
  return (
    <section className="item-group" aria-label={title}>
      <h3>{title}</h3>
      <div className="items">
        {items.map((pi) => (
          <ItemButton key={pi.key} pi={pi} points={pointsLabel(pi)} chosen={chosen === pi.key} onTap={onTap} />
        ))}
      </div>
    </section>
  );
});
