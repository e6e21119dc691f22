import { useTranslation } from 'react-i18next';
import { SyncStatus } from './features/sync/SyncStatus';
import { useServices } from './services/useServices';
import { usePatrol } from './store/usePatrol';
import { useOnline } from './useOnline';

/** The top bar: app, hall, who is signed in (or the chief in hand-over), the network, and sync. */
export function Header() {
  const { t } = useTranslation();
  const { hall, device, account } = useServices();
  const handOver = usePatrol((s) => s.handOver);
  const online = useOnline();
  const who = handOver
    ? t('handOver.acting', { name: handOver.name })
    : t(`account.as.${account?.role ?? 'inspector'}`, { name: account?.name ?? device.identity.account.name });
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <span className="hall-name">{hall.setup.roster.hall.name}</span>
      <span className="spacer" />
      <span className={`net ${online ? 'online' : 'offline'}`} role="status">
        {online ? t('app.online') : t('app.offline')}
      </span>
      <SyncStatus />
      <span className="inspector">{who}</span>
    </header>
  );
}
