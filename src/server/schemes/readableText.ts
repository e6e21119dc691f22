import { Converter } from 'opencc-js/t2cn';
import { displayText, pinyinInBrackets } from '../../core/scheme/displayText';
import type { SchemeData } from '../../core/scheme/schemeSchema';
import type { SchemeError } from '../../core/scheme/schemeError';

/** OpenCC's traditional (Hong Kong and Taiwan standards) to mainland simplified conversion, character by character. */
const toSimplified = Converter({ from: 'hk', to: 'cn' });

/** The traditional-only characters of a text: those OpenCC changes when converting to simplified Chinese. */
export function traditionalCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) if (toSimplified(ch) !== ch) found.add(ch);
  return [...found];
}

/**
 * What people read of a scheme must read cleanly: every item's name and display text in simplified Chinese, without
 * the seed's pinyin in brackets (the core refuses pinyin already; the traditional-character check needs OpenCC's
 * dictionary, which the tablet does not carry, so it runs where schemes enter: the build and an upload).
 */
export function readableTextErrors(scheme: SchemeData, file: string): SchemeError[] {
  const out: SchemeError[] = [];
  scheme.items.forEach((item, i) => {
    const shown: [field: 'name' | 'text' | 'display', value: string][] = [['name', item.name], [item.display === undefined ? 'text' : 'display', displayText(item)]];
    for (const [field, value] of shown) {
      const traditional = traditionalCharacters(value);
      const pinyin = pinyinInBrackets(value);
      if (traditional.length === 0 && !pinyin) continue;
      const what = [traditional.length ? `traditional characters ${traditional.join('')}` : '', pinyin ? `pinyin in brackets "${pinyin}"` : ''].filter(Boolean).join(' and ');
      out.push({
        file,
        itemId: item.id,
        path: `items.${i}.${field}`,
        message: `the ${field} shown to people has ${what}`,
        expected: field === 'text' ? 'a display text in simplified Chinese beside the verbatim text' : 'simplified Chinese',
      });
    }
  });
  return out;
}
