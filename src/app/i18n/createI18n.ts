import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zhCN';

/**
 * The one i18n layer: a fresh i18next instance with both languages bundled (they are small, and an offline tablet
 * cannot fetch a language later). Initialised synchronously, so the first render is already translated.
 */
export function createI18n(language: string): I18n {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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
