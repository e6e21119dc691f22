import { useTranslation } from 'react-i18next';
import { useServices } from './services/useServices';
import { useOnline } from './useOnline';

/** The top bar: app, hall, who is patrolling, and whether the network is there. */
export function Header() {
  const { t } = useTranslation();
  const { hall, device } = useServices();
  const online = useOnline();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <span className="hall-name">{hall.hall.roster.hall.name}</span>
      <span className="spacer" />
      <span className={`net ${online ? 'online' : 'offline'}`} role="status">
        {online ? t('app.online') : t('app.offline')}
      </span>
      <span className="inspector">{t('app.inspector', { name: device.identity.inspectorName })}</span>
    </header>
  );
}
