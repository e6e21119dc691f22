import type { TFunction } from 'i18next';
import { useMoreWords } from '../../../i18n/useMoreWords';
import { zhCNResults } from '../../../../words/zhCNResults';

/**
 * The results desk's words: the lazily loaded screens' words (explanations, flags) and the desk's own (`results.*`),
 * whose zh-CN text comes with this screen's chunk and is added to the instance on first use (the inspector's first
 * load never holds it). English is loaded whole when chosen (createI18n), so it already has them.
 */
export function useResultsWords(): { t: TFunction; r: TFunction<'translation', 'results'>; language: string } {
  const { t, i18n } = useMoreWords();
  if (!i18n.exists('results.heading', { lng: 'zh-CN', fallbackLng: false })) i18n.addResourceBundle('zh-CN', 'translation', { results: zhCNResults }, true, false);
  return { t, r: i18n.getFixedT(i18n.language, 'translation', 'results'), language: i18n.language };
}
