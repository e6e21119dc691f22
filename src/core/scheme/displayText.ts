import type { Item } from './schemeSchema';

/**
 * Pinyin written in brackets after a character, as in the seed 003 text (工作時(shí)間): a bracket holding only latin
 * letters with at least one tone mark. Brackets of ordinary wording ((次), (一), (10分)) hold no such letters.
 */
const PINYIN_IN_BRACKETS = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńň][a-zü]*[)）]/u;

/** The wording a person reads for an item: its display text, or its verbatim text when that reads cleanly. */
export function displayText(item: Pick<Item, 'text' | 'display'>): string {
  return item.display ?? item.text;
}

/** The first pinyin-in-brackets found in a text (工作時(shí)間 → "(shí)"), or undefined when there is none. */
export function pinyinInBrackets(text: string): string | undefined {
  return PINYIN_IN_BRACKETS.exec(text)?.[0];
}
