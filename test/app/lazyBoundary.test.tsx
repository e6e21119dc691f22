// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyBoundary } from '../../src/app/LazyBoundary';
import { createI18n } from '../../src/app/i18n/createI18n';
import { en } from '../../src/app/i18n/en';
import { languageOf } from '../../src/app/i18n/languages';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A lazy screen whose chunk cannot be fetched, as the browser reports it. */
const Missing = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/ScoresView-abc.js')));

function renderMissing(language: string) {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return render(
    <I18nextProvider i18n={createI18n(languageOf(language), language === 'en' ? en : undefined)}>
      <LazyBoundary>
        <Suspense fallback={null}>
          <Missing />
        </Suspense>
      </LazyBoundary>
    </I18nextProvider>,
  );
}

describe('a lazy screen whose chunk is missing', () => {
  it('says plainly, offline, that the screen is not on the device yet, with a retry (zh-CN and English)', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderMissing('zh-CN');
    expect((await screen.findByRole('alert')).textContent).toMatch(/此页面尚未下载到本机，当前离线/);
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    cleanup();
    renderMissing('en');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not on this device yet and the tablet is offline/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('online, names the failure instead of a blank page', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderMissing('zh-CN');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^此页面未能加载：Failed to fetch dynamically imported module/);
  });
});
