import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { HandOverDialog } from './HandOverDialog';
import { UnlockDialog } from './UnlockDialog';

/** Hand the tablet to the unit's chief (their PIN; the inspector's session locks), and take it back (the inspector's password). */
export function HandOverBar() {
  const { t } = useMoreWords();
  const { account } = useServices();
  const handOver = usePatrol((s) => s.handOver);
  const [open, setOpen] = useState(false);
  if (handOver) {
    return (
      <div className="handover-bar locked" role="status">
        <span>{t('handOver.locked', { name: handOver.name })}</span>
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('handOver.end')}
        </button>
        {open && <UnlockDialog onClose={() => setOpen(false)} />}
      </div>
    );
  }
  if (account?.role !== 'inspector') return null;
  return (
    <div className="handover-bar">
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('handOver.start')}
      </button>
      {open && <HandOverDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
