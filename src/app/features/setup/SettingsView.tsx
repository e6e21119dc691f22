import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { useSyncState } from '../sync/useSyncState';
import { AccountBlock } from './AccountBlock';
import { LanguageSwitch } from './LanguageSwitch';
import { StorageStatusPanel } from './StorageStatusPanel';

/** The device: inspector, language, storage, what waits to be synced, the schemes in force. */
export function SettingsView() {
  const { t } = useTranslation();
  const { device, setLanguage, schemes, hall } = useServices();
  const sync = useSyncState();
  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <section className="settings-block">
        <h3>{t('settings.inspector')}</h3>
        <p>
          {device.identity.account.name} <small className="muted">{t('settings.device', { id: device.identity.deviceId })}</small>
        </p>
        <p className="muted">{t('settings.hall', { hall: hall.setup.roster.hall.name })}</p>
      </section>
      <AccountBlock />
      <section className="settings-block">
        <h3>{t('settings.language')}</h3>
        <LanguageSwitch onChange={(l) => void setLanguage(l)} />
      </section>
      <StorageStatusPanel />
      <section className="settings-block">
        <h3>{t('settings.sync')}</h3>
        <p>{t('settings.outbox', { events: sync.pendingEvents, photos: sync.pendingPhotos })}</p>
      </section>
      <section className="settings-block">
        <h3>{t('settings.schemes')}</h3>
        <ul>
          {schemes.map((s) => (
            <li key={s.scheme.id}>
              {t(`subject.${s.level}`)} · {s.scheme.title} <small className="muted">v{s.scheme.version}</small>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
