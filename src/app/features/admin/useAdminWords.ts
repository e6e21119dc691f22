import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminFailure } from '../../../device/admin/adminTransport';

/** The admin area's words (namespace `admin`, added by AdminView) and a failure in words. */
export function useAdminWords() {
  const { t, i18n } = useTranslation('admin');
  /** A failed server call in the person's language, with the server's own words as detail. */
  const failure = useCallback(
    (err: unknown): string => {
    if (err instanceof AdminFailure) {
      const head = t(`errors.${err.code}`);
      return err.code === 'offline' ? head : `${head} ${t('common.detail', { message: err.message })}`;
    }
    return t('common.failed', { message: err instanceof Error ? err.message : String(err) });
    },
    [t],
  );
  return { t, i18n, failure };
}
