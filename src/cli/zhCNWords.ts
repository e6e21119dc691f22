import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { zhCN } from '../app/i18n/zhCN';
import { zhCNMore } from '../app/i18n/zhCNMore';

/**
 * The app's zh-CN words for a terminal: the score command words explanations, flags and skipped findings with the same
 * formatters and the same resources as the tablet, so the table and the screen say the same thing.
 */
export function zhCNWords(): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', interpolation: { escapeValue: false }, initAsync: false });
  i18n.addResourceBundle('zh-CN', 'translation', zhCNMore, true, false);
  return i18n.t;
}
