import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './languages';
import { zhCN } from './zhCN';
import type { Messages } from './zhCN';

/**
 * The one i18n layer: a fresh i18next instance, initialised synchronously so the first render is already translated.
 * zh-CN (the default) is bundled; another language is a lazy chunk (precached, so it loads offline too): pass it
 * when the device starts in it (loadLanguage), or switch with useLanguage's loader.
 */
export function createI18n(language: Language, messages?: Messages): I18n {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    // zh-CN's first-screen words; the review and results screens bring the rest (useMoreWords).
    resources: { 'zh-CN': { translation: zhCN }, ...(messages && language !== 'zh-CN' ? { [language]: { translation: messages } } : {}) },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const setLang = (l: string): void => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  };
  setLang(language);
  i18n.on('languageChanged', setLang);
  return i18n;
}

/** The messages of a language other than the bundled zh-CN, loaded on demand. */
export async function loadLanguage(language: Language): Promise<Messages | undefined> {
  if (language === 'en') return (await import('./en')).en;
  return undefined;
}

/** Switch the instance to a language, loading its messages first when they are not there yet. */
export async function switchLanguage(i18n: I18n, language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    const messages = await loadLanguage(language);
    if (messages) i18n.addResourceBundle(language, 'translation', messages);
  }
  await i18n.changeLanguage(language);
}
