import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLog } from '../../services/useLog';
import { useItemsByKey } from '../../services/useItemsByKey';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { usePatrolStoreApi } from '../../store/usePatrolStoreApi';
import { ItemGroupList } from './ItemGroupList';
import { groupItems } from './patrolItems';
import { recentItemKeys } from './recentItemKeys';
import { inputFields } from '../../../core/scheme/ruleInputs';
import { searchItems } from './searchItems';
import { useSaveFinding } from './useSaveFinding';

const RECENT = 6;

/**
 * The items of the schemes in force, recently used first, then by scheme and category; or the search results.
 * An item that needs nothing more (no inputs, and its subject known) saves on the tap; others open the form.
 */
export function ItemList() {
  const { t } = useTranslation();
  const { items, device } = useServices();
  const itemsByKey = useItemsByKey();
  const log = useLog();
  const query = usePatrol((s) => s.query);
  const chosen = usePatrol((s) => s.draft.itemKey);
  const store = usePatrolStoreApi();
  const save = useSaveFinding();

  // Keyed by the keys' text, so the recent group keeps its identity (and skips rendering) while its items stay.
  const recentKeys = useMemo(() => recentItemKeys(log.findings, device.identity.account.id, RECENT).join('|'), [log, device]);
  const recent = useMemo(() => (recentKeys ? recentKeys.split('|') : []).flatMap((k) => itemsByKey.get(k) ?? []), [recentKeys, itemsByKey]);
  const groups = useMemo(() => groupItems(items), [items]);
  const results = useMemo(() => (query.trim() ? searchItems(items, query) : null), [items, query]);

  const onTap = useCallback(
    (key: string) => {
      const s = store.getState();
      const pi = itemsByKey.get(key);
      if (!pi) return;
      const needsMore = inputFields(pi.item.rule).length > 0 || (pi.item.subject === 'staff' && !s.draft.staffId) || s.draft.photosBusy > 0;
      if (needsMore) s.chooseItem(s.draft.itemKey === key ? null : key);
      else void save(key);
    },
    [store, itemsByKey, save],
  );

  if (results) {
    return results.length > 0 ? <ItemGroupList title={t('items.results', { count: results.length })} items={results} chosen={chosen} onTap={onTap} /> : <p className="muted">{t('items.noResults')}</p>;
  }
  return (
    <>
      {recent.length > 0 && <ItemGroupList title={t('items.recent')} items={recent} chosen={chosen} onTap={onTap} />}
      {groups.map((g) => (
        <ItemGroupList key={g.key} title={`${t(`subject.${g.items[0]?.item.subject ?? 'staff'}`)} · ${g.category.name}`} items={g.items} chosen={chosen} onTap={onTap} />
      ))}
    </>
  );
}
