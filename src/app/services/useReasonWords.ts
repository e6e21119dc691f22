import { useTranslation } from 'react-i18next';
import type { Refusal } from '../../core/access/refusal';
import type { Ignored } from '../../core/events/applyEvent';
import { ignoredWords, refusalWords } from '../format/refusalWords';
import { useServices } from './useServices';
import { isStorageFull } from '../../device/storageFull';
import { useAccountName } from './usePulledHall';
import { ActRefused } from '../../device/actRefused';

/** Word the core's reasons (a refused act, an event the fold ignored, a failed act) with the hall's names and clock. */
export function useReasonWords(): { refusal: (r: Refusal) => string; ignored: (i: Ignored) => string; failure: (e: unknown) => string } {
  const { t, i18n } = useTranslation();
  const { hall } = useServices();
  const nameOf = useAccountName();
  const c = { nameOf, timeZone: hall.setup.roster.hall.timeZone, language: i18n.language };
  const refusal = (r: Refusal): string => refusalWords(r, t, c);
  // Why an act failed: the core's refusal in words, a full disk said plainly, anything else as a failed save.
  const failure = (e: unknown): string => (e instanceof ActRefused ? refusal(e.refusal) : isStorageFull(e) ? t('errors.storage-full') : t('errors.save-failed'));
  return { refusal, ignored: (i) => ignoredWords(i, t, c), failure };
}
