import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { enResults } from '../../../i18n/enResults';
import { zhCNResults } from '../../../i18n/zhCNResults';

/**
 * The results desk's words: the app's main namespace (explanations, flags) and the 'results' namespace, which comes
 * with this screen's chunk and is added to the i18n instance on first use (the inspector's first load never holds it).
 */
export function useResultsWords(): { t: TFunction; r: TFunction<'results'>; language: string } {
  const { t, i18n } = useTranslation();
  if (!i18n.hasResourceBundle('zh-CN', 'results')) {
    i18n.addResourceBundle('zh-CN', 'results', zhCNResults);
    i18n.addResourceBundle('en', 'results', enResults);
  }
  return { t, r: i18n.getFixedT(i18n.language, 'results'), language: i18n.language };
}
