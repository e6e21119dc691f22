import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { LanguageSwitch } from './LanguageSwitch';
import { StorageStatusPanel } from './StorageStatusPanel';

/** The device: inspector, language, storage, what waits to be synced, the schemes in force. */
export function SettingsView() {
  const { t } = useTranslation();
  const { device, setLanguage, schemes, hall } = useServices();
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    device.db.outbox.count().then((n) => live && setWaiting(n), () => undefined);
    return () => {
      live = false;
    };
  }, [device]);
  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <section className="settings-block">
        <h3>{t('settings.inspector')}</h3>
        <p>
          {device.identity.inspectorName} <small className="muted">{t('settings.device', { id: device.identity.deviceId })}</small>
        </p>
        <p className="muted">{t('settings.hall', { hall: hall.hall.roster.hall.name })}</p>
      </section>
      <section className="settings-block">
        <h3>{t('settings.language')}</h3>
        <LanguageSwitch onChange={(l) => void setLanguage(l)} />
      </section>
      <StorageStatusPanel />
      <section className="settings-block">
        <h3>{t('settings.sync')}</h3>
        <p>{waiting === null ? '…' : t('settings.outbox', { count: waiting })}</p>
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
