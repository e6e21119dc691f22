import { useTranslation } from 'react-i18next';
import type { Role } from '../core/access/roles';
import { useServices } from './services/useServices';
import { usePatrol } from './store/usePatrol';
import type { View } from './store/patrolStore';

/** What each role works with, first where it lands (a chief in hand-over sees only the review). */
export const VIEWS_OF: Record<Role, readonly View[]> = {
  inspector: ['map', 'log', 'review', 'scores', 'settings'],
  admin: ['admin', 'map', 'log', 'review', 'scores', 'results', 'settings'],
  chief: ['review', 'scores', 'results', 'settings'],
  committee: ['queue', 'review', 'scores', 'results', 'settings'],
  office: ['desk', 'review', 'scores', 'results', 'settings'],
};

/** The views of the app, as large tabs at the bottom (thumb reach on a tablet). */
export function NavBar() {
  const { t } = useTranslation();
  const { account } = useServices();
  const view = usePatrol((s) => s.view);
  const setView = usePatrol((s) => s.setView);
  const handOver = usePatrol((s) => s.handOver);
  const views: readonly View[] = handOver ? ['review'] : VIEWS_OF[account?.role ?? 'inspector'];
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      {views.map((v) => (
        <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
          {t(`nav.${v}`)}
        </button>
      ))}
    </nav>
  );
}
