import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveError } from './saveError';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';

/** "Recorded: 玩手机 · 王丽 [Undo]" for a few seconds after each save. Undo voids the finding (a new event). */
export function UndoBar() {
  const { t } = useTranslation();
  const { device } = useServices();
  const saved = usePatrol((s) => s.saved);
  const dismiss = usePatrol((s) => s.dismissSaved);
  const setError = usePatrol((s) => s.setError);

  useEffect(() => {
    if (!saved) return undefined;
    const id = setTimeout(dismiss, Math.max(0, saved.until - device.clock().getTime()));
    return () => clearTimeout(id);
  }, [saved, dismiss, device]);

  if (!saved) return null;
  const undo = async (): Promise<void> => {
    dismiss();
    const f = device.log.find(saved.findingId);
    if (f) await device.void(f.id, 'undone').catch((err: unknown) => setError(saveError(err)));
  };
  return (
    <div className="undo-bar" role="status" data-finding={saved.findingId}>
      <span>{t('undo.saved', { label: saved.label })}</span>
      <button type="button" className="button" onClick={() => void undo()}>
        {t('undo.undo')}
      </button>
    </div>
  );
}
