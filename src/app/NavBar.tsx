import { useTranslation } from 'react-i18next';
import { usePatrol } from './store/usePatrol';
import type { View } from './store/patrolStore';

const VIEWS: readonly View[] = ['map', 'log', 'scores', 'settings'];

/** The views of the app, as large tabs at the bottom (thumb reach on a tablet). */
export function NavBar() {
  const { t } = useTranslation();
  const view = usePatrol((s) => s.view);
  const setView = usePatrol((s) => s.setView);
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
          {t(`nav.${v}`)}
        </button>
      ))}
    </nav>
  );
}
