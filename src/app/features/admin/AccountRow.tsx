import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AdminAccount } from '../../../device/admin/adminApi';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

/** One account: its facts, and the admin's acts on it (reset the password, disable or enable). */
export function AccountRow({ account: a, scope, onChanged }: { account: AdminAccount; scope: string; onChanged: () => void }) {
  const { t } = useAdminWords();
  const { api, selfId } = useAdmin();
  const act = useAct();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const self = a.id === selfId;
  const setNew = (e: FormEvent): void => {
    e.preventDefault();
    if (password.length < 8) return act.say({ ok: false, text: t('accounts.tooShort') });
    void act
      .run(async () => {
        await api.setPassword(a.id, password);
        return t('accounts.passwordSet', { name: a.name });
      })
      .then((ok) => {
        if (!ok) return;
        setPassword('');
        setResetting(false);
      });
  };
  const toggle = (): void => {
    void act
      .run(async () => {
        await api.setDisabled(a.id, !a.disabled);
        return t(a.disabled ? 'accounts.enabledDone' : 'accounts.disabledDone', { name: a.name });
      })
      .then((ok) => ok && onChanged());
  };
  return (
    <>
      <tr className={a.disabled ? 'admin-disabled' : undefined}>
        <td>
          {a.name} {self && <small className="muted">{t('accounts.you')}</small>}
        </td>
        <td>{a.username}</td>
        <td>{t(`roles.${a.role}`)}</td>
        <td>{scope}</td>
        <td>{a.disabled ? t('accounts.disabled') : t('accounts.active')}</td>
        <td className="admin-acts">
          <button type="button" className="button" aria-expanded={resetting} onClick={() => setResetting(!resetting)} aria-label={t('common.actOn', { act: t('accounts.resetPassword'), name: a.name })}>
            {t('accounts.resetPassword')}
          </button>
          {!self && (
            <button type="button" className="button" disabled={act.busy} onClick={toggle} aria-label={t('common.actOn', { act: t(a.disabled ? 'accounts.enable' : 'accounts.disable'), name: a.name })}>
              {t(a.disabled ? 'accounts.enable' : 'accounts.disable')}
            </button>
          )}
        </td>
      </tr>
      {(resetting || act.message) && (
        <tr className="admin-row-extra">
          <td colSpan={6}>
            {resetting && (
              <form className="admin-inline-form" onSubmit={setNew}>
                <label>
                  <span>{t('accounts.newPassword', { name: a.name })}</span>
                  <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
                </label>
                <button type="submit" className="button primary" disabled={act.busy}>
                  {t('accounts.setPassword')}
                </button>
              </form>
            )}
            <ActMessage message={act.message} />
          </td>
        </tr>
      )}
    </>
  );
}
