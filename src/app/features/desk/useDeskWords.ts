import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { zhCNDesk } from '../../i18n/zhCNDesk';

/** The desk's own words (`desk.*` of the app's namespace). */
export type DeskT = TFunction<'translation', 'desk'>;

/** Add the desk's zh-CN words to an instance, once (they come with the desk's chunk, not the first download). */
export function addDeskWords(i18n: I18n): void {
  if (!i18n.exists('desk.title', { lng: 'zh-CN', fallbackLng: false })) i18n.addResourceBundle('zh-CN', 'translation', { desk: zhCNDesk }, true, false);
}

/**
 * The ledger desk's words: its own (`desk.*`, added on first use, so the inspector's first load never holds them)
 * and the app's. English is loaded whole when chosen (createI18n), so it already has them.
 */
export function useDeskWords(): { t: DeskT; tApp: TFunction } {
  const { t: tApp, i18n } = useTranslation();
  addDeskWords(i18n);
  const { t } = useTranslation('translation', { keyPrefix: 'desk' });
  return { t, tApp };
}
