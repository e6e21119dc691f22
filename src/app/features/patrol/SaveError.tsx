import { useTranslation } from 'react-i18next';
import { useReasonWords } from '../../services/useReasonWords';
import { usePatrol } from '../../store/usePatrol';

/** Why the last save or photo failed, in plain words (the draft is still there to retry), or what a save had to leave out. */
export function SaveError() {
  const { t } = useTranslation();
  const error = usePatrol((s) => s.error);
  const setError = usePatrol((s) => s.setError);
  const words = useReasonWords();
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      <p>{typeof error === 'string' ? t(`errors.${error}`) : words.refusal(error.refused)}</p>
      <button type="button" className="button ghost" onClick={() => setError(null)}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
