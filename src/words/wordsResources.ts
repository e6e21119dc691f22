import { enExplain } from './enExplain';
import { enResults } from './enResults';
import { zhCNExplain } from './zhCNExplain';
import { zhCNResults } from './zhCNResults';

/**
 * The words shared by the app and the server's exports, per language: how results are explained (`explainLines`:
 * rules, lines, grades, consequences) and the results desk's own (`results`: headers, periods, the bulletin). The app
 * merges them into its resources (zhCNMore, en); the exports word their files with these alone.
 */
export const WORDS = {
  'zh-CN': { explainLines: zhCNExplain, results: zhCNResults },
  en: { explainLines: enExplain, results: enResults },
} as const;

/** A language the shared words are written in (zh-CN first, the default). */
export type WordsLanguage = keyof typeof WORDS;
