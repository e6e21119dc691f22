import { useCallback, useEffect, useState } from 'react';
import type { AdminAccount, AdminDevice } from '../../../device/admin/adminApi';
import { formatDateTime } from '../../format/formatDateTime';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

/** Devices that signed in: when last seen, who is signed in on each; revoke a lost tablet. */
export function DevicesSection() {
  const { t, i18n, failure } = useAdminWords();
  const { api, hall } = useAdmin();
  const act = useAct();
  const [devices, setDevices] = useState<AdminDevice[] | null>(null);
  const [accounts, setAccounts] = useState<AdminAccount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([api.devices(), api.accounts()]).then(
      ([d, a]) => {
        setDevices(d);
        setAccounts(a);
        setError(null);
      },
      (err: unknown) => setError(failure(err)),
    );
  }, [api, failure]);
  useEffect(reload, [reload]);
  const tz = hall?.setup.roster.hall.timeZone ?? 'Asia/Shanghai';
  const nameOf = (id: string): string => accounts.find((a) => a.id === id)?.name ?? id;
  const [confirming, setConfirming] = useState<AdminDevice | null>(null);
  const revoke = (d: AdminDevice): void => {
    setConfirming(null);
    void act.run(async () => t('devices.revoked', await api.revokeDevice(d.id))).then((ok) => ok && reload());
  };
  return (
    <section className="admin-section" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('devices.heading')}</h2>
      <p className="muted">{t('devices.intro')}</p>
      {error && <ActMessage message={{ ok: false, text: error }} />}
      {confirming && (
        <div className="admin-confirm" role="alertdialog" aria-labelledby="revoke-question">
          <p id="revoke-question">{t('devices.confirm', { name: confirming.name || confirming.id })}</p>
          <button type="button" className="button primary danger" onClick={() => revoke(confirming)}>
            {t('devices.revoke')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <ActMessage message={act.message} />
      {devices === null && !error && <p>{t('common.loading')}</p>}
      {devices?.length === 0 && <p>{t('devices.none')}</p>}
      {devices && devices.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('devices.columns.name')}</th>
              <th>{t('devices.columns.lastSeen')}</th>
              <th>{t('devices.columns.signIns')}</th>
              <th>{t('devices.columns.keys')}</th>
              <th>{t('devices.columns.acts')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const live = d.tokens.filter((x) => !x.revoked && Date.parse(x.expiresAt) > Date.now());
              const keys = d.keys.filter((k) => !k.revoked);
              return (
                <tr key={d.id}>
                  <td>
                    {d.name || d.id} <small className="muted">{d.id}</small>
                  </td>
                  <td>{formatDateTime(d.lastSeenAt, tz, i18n.language)}</td>
                  <td>{live.map((x) => nameOf(x.accountId)).join(t('common.separator')) || t('devices.nothingLive')}</td>
                  <td>{keys.map((k) => nameOf(k.accountId)).join(t('common.separator')) || t('devices.nothingLive')}</td>
                  <td>
                    <button type="button" className="button" disabled={act.busy || (live.length === 0 && keys.length === 0)} onClick={() => setConfirming(d)} aria-label={t('common.actOn', { act: t('devices.revoke'), name: d.name || d.id })}>
                      {t('devices.revoke')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
