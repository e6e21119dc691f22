import { useState } from 'react';
import type { FormEvent } from 'react';
import { ActMessage } from '../ActMessage';
import { useAdmin } from '../AdminContext';
import { useAct } from '../useAct';
import { useAdminWords } from '../useAdminWords';

const HALL_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;

/** A time zone the browser knows (the server checks again). */
function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Open a hall (POST /api/centre/halls): its id, name, time zone and first admin. The hall starts with an empty floor
 * and roster and the built-in schemes; its admin (or the centre administrator, switching to it) then sets it up.
 */
export function NewHallForm() {
  const { t } = useAdminWords();
  const { api, centre } = useAdmin();
  const act = useAct();
  const [f, setF] = useState({ id: '', name: '', timeZone: 'Asia/Shanghai', username: '', adminName: '', password: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!HALL_ID.test(f.id.trim())) return act.say({ ok: false, text: t('centre.badId') });
    if (!knownTimeZone(f.timeZone.trim())) return act.say({ ok: false, text: t('hall.badTimeZone', { zone: f.timeZone }) });
    if (!USERNAME.test(f.username.trim())) return act.say({ ok: false, text: t('accounts.badUsername') });
    if (f.password.length < 8) return act.say({ ok: false, text: t('accounts.tooShort') });
    void act
      .run(async () => {
        await api.openHall({ id: f.id.trim(), name: f.name.trim(), timeZone: f.timeZone.trim(), admin: { username: f.username.trim(), name: f.adminName.trim(), password: f.password } });
        await centre?.reloadHalls();
        return t('centre.opened', { name: f.name.trim(), username: f.username.trim() });
      })
      .then((ok) => ok && setF({ id: '', name: '', timeZone: f.timeZone, username: '', adminName: '', password: '' }));
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="new-hall-heading">
      <h3 id="new-hall-heading">{t('centre.open')}</h3>
      <div className="admin-fields">
        <label>
          <span>{t('centre.name')}</span>
          <input value={f.name} onChange={set('name')} required maxLength={100} />
        </label>
        <label>
          <span>{t('centre.id')}</span>
          <input value={f.id} onChange={set('id')} required autoCapitalize="none" autoComplete="off" />
        </label>
        <label>
          <span>{t('centre.timeZone')}</span>
          <input value={f.timeZone} onChange={set('timeZone')} required autoCapitalize="none" />
        </label>
        <label>
          <span>{t('centre.adminName')}</span>
          <input value={f.adminName} onChange={set('adminName')} required maxLength={100} />
        </label>
        <label>
          <span>{t('centre.adminUsername')}</span>
          <input value={f.username} onChange={set('username')} required autoCapitalize="none" autoComplete="off" />
        </label>
        <label>
          <span>{t('centre.adminPassword')}</span>
          <input type="password" value={f.password} onChange={set('password')} required autoComplete="new-password" />
        </label>
      </div>
      <ActMessage message={act.message} />
      <button type="submit" className="button primary" disabled={act.busy}>
        {t('centre.openButton')}
      </button>
    </form>
  );
}
