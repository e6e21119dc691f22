import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Roster } from '../../../core/model/roster';
import type { AdminAccount } from '../../../device/admin/adminApi';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { ScopePicker } from './ScopePicker';
import type { ChiefScope } from './ScopePicker';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

/**
 * One account: its facts, and the admin's acts on it (reset the password, disable or enable, a chief's units and
 * windows). A centre administrator's account is listed for who else acts here; it is managed at the centre.
 */
export function AccountRow({ account: a, scope, roster, onChanged }: { account: AdminAccount; scope: string; roster: Roster; onChanged: () => void }) {
  const { t } = useAdminWords();
  const { api, selfId } = useAdmin();
  const act = useAct();
  const [open, setOpen] = useState<'password' | 'scope' | null>(null);
  const [password, setPassword] = useState('');
  const [binding, setBinding] = useState<ChiefScope>({ unitIds: a.unitIds, windowIds: a.windowIds });
  const self = a.id === selfId;
  const toggleOpen = (what: 'password' | 'scope'): void => {
    act.say(null);
    if (what === 'scope') setBinding({ unitIds: a.unitIds, windowIds: a.windowIds });
    setOpen(open === what ? null : what);
  };
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
        setOpen(null);
      });
  };
  const saveScope = (e: FormEvent): void => {
    e.preventDefault();
    if (binding.unitIds.length + binding.windowIds.length === 0) return act.say({ ok: false, text: t('accounts.chiefNeedsScope') });
    void act
      .run(async () => {
        await api.setScope(a.id, binding);
        return t('accounts.scopeSet', { name: a.name });
      })
      .then((ok) => {
        if (!ok) return;
        setOpen(null);
        onChanged();
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
  const named = (what: string): string => t('common.actOn', { act: what, name: a.name });
  return (
    <>
      <tr className={a.disabled ? 'admin-disabled' : undefined}>
        <td>
          {a.name} {self && <small className="muted">{t('accounts.you')}</small>}
        </td>
        <td>{a.username}</td>
        <td>{a.centre ? t('accounts.centre') : t(`roles.${a.role}`)}</td>
        <td>{a.centre ? t('accounts.centreScope') : scope}</td>
        <td>{a.disabled ? t('accounts.disabled') : t('accounts.active')}</td>
        <td className="admin-acts">
          {a.centre ? (
            <span className="muted">{t('accounts.atCentre')}</span>
          ) : (
            <>
              <button type="button" className="button" aria-expanded={open === 'password'} onClick={() => toggleOpen('password')} aria-label={named(t('accounts.resetPassword'))}>
                {t('accounts.resetPassword')}
              </button>
              {a.role === 'chief' && (
                <button type="button" className="button" aria-expanded={open === 'scope'} onClick={() => toggleOpen('scope')} aria-label={named(t('accounts.editScope'))}>
                  {t('accounts.editScope')}
                </button>
              )}
              {!self && (
                <button type="button" className="button" disabled={act.busy} onClick={toggle} aria-label={named(t(a.disabled ? 'accounts.enable' : 'accounts.disable'))}>
                  {t(a.disabled ? 'accounts.enable' : 'accounts.disable')}
                </button>
              )}
            </>
          )}
        </td>
      </tr>
      {(open || act.message) && (
        <tr className="admin-row-extra">
          <td colSpan={6}>
            {open === 'password' && (
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
            {open === 'scope' && (
              <form className="admin-scope-form" onSubmit={saveScope} aria-label={t('accounts.scopeOf', { name: a.name })}>
                <ScopePicker roster={roster} scope={binding} onChange={setBinding} />
                <button type="submit" className="button primary" disabled={act.busy}>
                  {t('accounts.saveScope')}
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
