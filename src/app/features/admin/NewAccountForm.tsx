import { useState } from 'react';
import type { FormEvent } from 'react';
import { ROLES } from '../../../core/access/roles';
import type { Role } from '../../../core/access/roles';
import type { Roster } from '../../../core/model/roster';
import { ledgerOffices } from '../../../core/scheme/ledgerItems';
import { useServices } from '../../services/useServices';
import { ActMessage } from './ActMessage';
import { ScopePicker } from './ScopePicker';
import type { ChiefScope } from './ScopePicker';
import { useAdmin } from './AdminContext';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,49}$/;

/** Create an account; a chief is bound to the units (and further windows) they answer for, an office to its offices. */
export function NewAccountForm({ roster, onCreated }: { roster: Roster; onCreated: () => void }) {
  const { t } = useAdminWords();
  const { api } = useAdmin();
  const act = useAct();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('inspector');
  const [password, setPassword] = useState('');
  const [scope, setScope] = useState<ChiefScope>({ unitIds: [], windowIds: [] });
  const { unitIds, windowIds } = scope;
  const chief = role === 'chief';
  const [offices, setOffices] = useState<string[]>([]);
  const { schemes } = useServices();
  /** The offices that own ledger items in the hall's schemes in force: what an office account may be bound to. */
  const known = ledgerOffices(schemes.map((s) => s.scheme));
  const office = role === 'office';
  const flip = (list: string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!USERNAME.test(username.trim())) return act.say({ ok: false, text: t('accounts.badUsername') });
    if (password.length < 8) return act.say({ ok: false, text: t('accounts.tooShort') });
    if (chief && unitIds.length + windowIds.length === 0) return act.say({ ok: false, text: t('accounts.chiefNeedsScope') });
    if (office && offices.length === 0) return act.say({ ok: false, text: t('accounts.officeNeedsOffices') });
    const made = { username: username.trim(), name: name.trim(), role, password, unitIds: chief ? unitIds : [], windowIds: chief ? windowIds : [], offices: office ? offices : [] };
    void act
      .run(async () => {
        await api.createAccount(made);
        return t('accounts.created', { username: made.username });
      })
      .then((ok) => {
        if (!ok) return;
        setUsername('');
        setName('');
        setPassword('');
        setScope({ unitIds: [], windowIds: [] });
        setOffices([]);
        onCreated();
      });
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="new-account-heading">
      <h3 id="new-account-heading">{t('accounts.add')}</h3>
      <div className="admin-fields">
        <label>
          <span>{t('accounts.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <div className="admin-field">
          <label>
            <span>{t('accounts.username')}</span>
            <input value={username} onChange={(e) => setUsername(e.target.value)} required autoCapitalize="none" autoComplete="off" aria-describedby="username-hint" />
          </label>
          <small id="username-hint" className="muted">
            {t('accounts.usernameHint')}
          </small>
        </div>
        <label>
          <span>{t('accounts.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="admin-field">
          <label>
            <span>{t('accounts.password')}</span>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" aria-describedby="password-hint" />
          </label>
          <small id="password-hint" className="muted">
            {t('accounts.passwordHint')}
          </small>
        </div>
      </div>
      {chief && <ScopePicker roster={roster} scope={scope} onChange={setScope} />}
      {office && (
        <fieldset className="admin-choices">
          <legend>{t('accounts.offices')}</legend>
          {known.map((o) => (
            <label key={o} className="admin-check">
              <input type="checkbox" checked={offices.includes(o)} onChange={() => setOffices(flip(offices, o))} />
              {o}
            </label>
          ))}
        </fieldset>
      )}
      <ActMessage message={act.message} />
      <button type="submit" className="button primary" disabled={act.busy}>
        {t('accounts.create')}
      </button>
    </form>
  );
}
