import { useCallback, useEffect, useState } from 'react';
import type { AdminAccount } from '../../../device/admin/adminApi';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { NewAccountForm } from './NewAccountForm';
import { AccountRow } from './AccountRow';
import { useAdminWords } from './useAdminWords';

/** Accounts of the hall: who they are, their role and scope; create, reset a password, disable and enable. */
export function AccountsSection() {
  const { t, failure } = useAdminWords();
  const { api, hall } = useAdmin();
  const [accounts, setAccounts] = useState<AdminAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.accounts().then(
      (a) => {
        setAccounts(a);
        setError(null);
      },
      (err: unknown) => setError(failure(err)),
    );
  }, [api, failure]);
  useEffect(reload, [reload]);
  const roster = hall?.setup.roster;
  const scopeText = (a: AdminAccount): string => {
    if (a.role === 'office') return a.offices.join(t('common.separator'));
    if (a.role !== 'chief') return t('accounts.whole');
    const units = a.unitIds.map((id) => roster?.units.find((u) => u.id === id)?.name ?? id);
    const windows = a.windowIds.map((id) => roster?.windows.find((w) => w.id === id)?.number ?? id).map((number) => t('common.windowN', { number }));
    return [...units, ...windows].join(t('common.separator'));
  };
  return (
    <section className="admin-section" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accounts.heading')}</h2>
      <p className="muted">{t('accounts.intro')}</p>
      {error && <ActMessage message={{ ok: false, text: error }} />}
      {accounts === null && !error && <p>{t('common.loading')}</p>}
      {accounts && roster && (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('accounts.columns.name')}</th>
              <th>{t('accounts.columns.username')}</th>
              <th>{t('accounts.columns.role')}</th>
              <th>{t('accounts.columns.scope')}</th>
              <th>{t('accounts.columns.state')}</th>
              <th>{t('accounts.columns.acts')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <AccountRow key={a.id} account={a} scope={scopeText(a)} roster={roster} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
      {roster && <NewAccountForm roster={roster} onCreated={reload} />}
    </section>
  );
}
