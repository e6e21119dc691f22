import { useTranslation } from 'react-i18next';
import { usePatrol } from '../../store/usePatrol';

/** Search items by Chinese text or pinyin initials (wsj → 玩手机). */
export function ItemSearch() {
  const { t } = useTranslation();
  const query = usePatrol((s) => s.query);
  const setQuery = usePatrol((s) => s.setQuery);
  return (
    <div className="search">
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('items.searchPlaceholder')} aria-label={t('items.search')} autoComplete="off" />
      {query && (
        <button type="button" className="button ghost" onClick={() => setQuery('')} aria-label={t('items.clearSearch')}>
          ×
        </button>
      )}
    </div>
  );
}
