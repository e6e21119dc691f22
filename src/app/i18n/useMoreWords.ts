import { useTranslation } from 'react-i18next';
import { zhCNMore } from './zhCNMore';

/**
 * useTranslation for the review and results screens, which load lazily: their zh-CN words travel with them (not in
 * the first download) and are added to the instance here, synchronously, before anything on the screen is worded.
 * Other languages are loaded whole (createI18n's switchLanguage), so they already have these words.
 */
export function useMoreWords(): ReturnType<typeof useTranslation<'translation'>> {
  const r = useTranslation();
  if (!r.i18n.exists('notice.title', { lng: 'zh-CN', fallbackLng: false })) r.i18n.addResourceBundle('zh-CN', 'translation', zhCNMore, true, false);
  return r;
}
