/** The languages of the UI; the first is the default. */
export const LANGUAGES = [
  { id: 'zh-CN', name: '中文' },
  { id: 'en', name: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['id'];

/** A supported language id, or the default. */
export function languageOf(value: string | undefined): Language {
  return LANGUAGES.find((l) => l.id === value)?.id ?? 'zh-CN';
}
