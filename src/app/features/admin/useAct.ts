import { useState } from 'react';
import { useAdminWords } from './useAdminWords';

/** One server act at a time for a form: busy while it runs, then a message (done or the failure in words). */
export function useAct() {
  const { failure } = useAdminWords();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (act: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ ok: true, text: await act() });
      return true;
    } catch (err) {
      setMessage({ ok: false, text: failure(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run, say: setMessage };
}
