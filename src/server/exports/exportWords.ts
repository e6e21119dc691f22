import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { en } from '../../app/i18n/en';
import type { Language } from '../../app/i18n/languages';
import { zhCN } from '../../app/i18n/zhCN';
import { zhCNMore } from '../../app/i18n/zhCNMore';
import { zhCNResults } from '../../app/i18n/zhCNResults';

/** The words of an export: the app's own resources (explanations, flags, the results screen), so files and screen agree. */
export interface ExportWords {
  /** The app's words (explanation lines, flags). */
  t: TFunction;
  /** The results desk's words (headers, titles, periods). */
  r: TFunction<'translation', 'results'>;
  language: Language;
}

/** The export words in a language (zh-CN by default: the forms' own headers). */
export function exportWords(language: Language): ExportWords {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  // zh-CN's words beyond the first screen are merged in deep, as the app does when those screens load.
  i18n.addResourceBundle('zh-CN', 'translation', zhCNMore, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { results: zhCNResults }, true, false);
  return { t: i18n.t, r: i18n.getFixedT(language, 'translation', 'results'), language };
}
