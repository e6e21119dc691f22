import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { en } from '../../app/i18n/en';
import { enResults } from '../../app/i18n/enResults';
import type { Language } from '../../app/i18n/languages';
import { zhCN } from '../../app/i18n/zhCN';
import { zhCNResults } from '../../app/i18n/zhCNResults';

/** The words of an export: the app's own resources (explanations, flags, the results screen), so files and screen agree. */
export interface ExportWords {
  /** The app's main namespace (explanation lines, flags). */
  t: TFunction;
  /** The results namespace (headers, titles, periods). */
  r: TFunction<'results'>;
  language: Language;
}

/** The export words in a language (zh-CN by default: the forms' own headers). */
export function exportWords(language: Language): ExportWords {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { 'zh-CN': { translation: zhCN, results: zhCNResults }, en: { translation: en, results: enResults } },
    lng: language,
    fallbackLng: 'zh-CN',
    ns: ['translation', 'results'],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return { t: i18n.t, r: i18n.getFixedT(language, 'results'), language };
}
