import { useState } from 'react';
import { useAdmin } from '../AdminContext';
import { useAdminWords } from '../useAdminWords';

/** A centre administrator's choice of the hall the admin screens work on (one of the halls they manage). */
export function HallSwitcher({ onSwitched }: { onSwitched: () => void }) {
  const { t, failure } = useAdminWords();
  const { centre } = useAdmin();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!centre) return null;
  const choose = (hallId: string): void => {
    setBusy(true);
    setError(null);
    centre
      .switchTo(hallId)
      .then(onSwitched, (err: unknown) => setError(failure(err)))
      .finally(() => setBusy(false));
  };
  return (
    <label className="hall-switcher">
      <span>{t('centre.working')}</span>
      <select value={centre.current} disabled={busy} onChange={(e) => choose(e.target.value)}>
        {centre.halls.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
