import { describe, expect, it } from 'vitest';
import { loadScheme, schemeFiles } from '../../fixtures/schemes';
import { displayText, pinyinInBrackets } from '../../../src/core/scheme/displayText';
import { parseScheme } from '../../../src/core/scheme/parseScheme';
import { readableTextErrors, traditionalCharacters } from '../../../src/server/schemes/readableText';

describe('what people read of a scheme', () => {
  for (const file of schemeFiles()) {
    it(`${file}: every item's name and display text is simplified Chinese without pinyin in brackets`, () => {
      const scheme = loadScheme(file);
      const bad = scheme.items
        .map((i) => ({ id: i.id, shown: `${i.name} ${displayText(i)}` }))
        .filter((x) => pinyinInBrackets(x.shown) !== undefined || traditionalCharacters(x.shown).length > 0);
      expect(bad).toEqual([]);
      expect(readableTextErrors(scheme, file)).toEqual([]);
    });
  }

  it('003 keeps the verbatim traditional text for the record and shows its simplified display text', () => {
    const item = loadScheme('003-anshan.yaml').items.find((i) => i.id === 'wan-shouji');
    expect(item?.text).toContain('工作時(shí)間在窗口玩手機(jī)');
    expect(displayText(item ?? { text: '' })).toBe('工作时间在窗口玩手机、炒股、看娱乐视频、网购等违规行为的，每发现一次相应单位扣3分；');
  });

  it('finds pinyin in brackets, and only pinyin', () => {
    expect(pinyinInBrackets('工作時(shí)間')).toBe('(shí)');
    expect(pinyinInBrackets('環(huán)境')).toBe('(huán)');
    expect(pinyinInBrackets('每件(次)扣2分（一）(10分)(abc)')).toBeUndefined();
    expect(traditionalCharacters('窗口工作人員遲到')).toEqual(['員', '遲']);
    expect(traditionalCharacters('窗口工作人员迟到')).toEqual([]);
  });

  it('refuses a scheme whose shown text has pinyin in brackets, naming the item and field', () => {
    const text = loadScheme('003-anshan.yaml');
    const yaml = JSON.stringify({ ...text, items: text.items.map((i) => (i.id === 'wan-shouji' ? { ...i, display: undefined } : i)) });
    const r = parseScheme(yaml, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ itemId: 'wan-shouji', path: expect.stringMatching(/^items\.\d+\.text$/), message: expect.stringContaining('(shí)') })]);
  });
});
