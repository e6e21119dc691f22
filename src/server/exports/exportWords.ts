import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { WORDS } from '../../words/wordsResources';
import type { WordsLanguage } from '../../words/wordsResources';

/** The words of an export: the shared words (src/words) the results screen uses too, so files and screen agree. */
export interface ExportWords {
  /** Explanation lines, grades and consequences (the `explainLines` keys). */
  t: TFunction;
  /** The results desk's words (headers, titles, periods). */
  r: TFunction<'translation', 'results'>;
  language: WordsLanguage;
}

/** The languages an export can be worded in. */
export const EXPORT_LANGUAGES = Object.keys(WORDS) as [WordsLanguage, ...WordsLanguage[]];

/** The export words in a language (zh-CN by default: the forms' own headers). */
export function exportWords(language: WordsLanguage): ExportWords {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { 'zh-CN': { translation: WORDS['zh-CN'] }, en: { translation: WORDS.en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return { t: i18n.t, r: i18n.getFixedT(language, 'translation', 'results'), language };
}
