import { describe, expect, it } from 'vitest';
import type { Refusal } from '../../../src/core/access/refusal';
import { refusalWords } from '../../../src/app/format/refusalWords';
import { createI18n } from '../../../src/app/i18n/createI18n';
import { en } from '../../../src/app/i18n/en';

const context = { nameOf: (id: string) => id, timeZone: 'Asia/Shanghai', language: 'zh-CN' };

describe('a recording under a scheme version not in force, in words', () => {
  const stale: Refusal = { kind: 'scheme-version-not-in-force', schemeId: 'kunqu-window-staff', schemeVersion: 1, day: '2026-04-01', inForce: 2 };
  const none: Refusal = { kind: 'scheme-version-not-in-force', schemeId: 'kunqu-window-staff', schemeVersion: 1, day: '2026-04-01', inForce: null };

  it('says which version is in force that day, in zh-CN', () => {
    const { t } = createI18n('zh-CN');
    expect(refusalWords(stale, t, context)).toBe('考核办法 kunqu-window-staff 第 1 版在 2026-04-01 不适用，当日适用第 2 版。');
    expect(refusalWords(none, t, context)).toBe('考核办法 kunqu-window-staff 在 2026-04-01 未在本大厅施行。');
  });

  it('and in English', () => {
    const { t } = createI18n('en', en);
    expect(refusalWords(stale, t, { ...context, language: 'en' })).toBe('Version 1 of scheme kunqu-window-staff is not in force on 2026-04-01; version 2 is.');
    expect(refusalWords(none, t, { ...context, language: 'en' })).toBe('Scheme kunqu-window-staff is not in force in this hall on 2026-04-01.');
  });
});
