import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';

/** The system's Chromium (Debian package); browsers are never downloaded. Override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A headless browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** A headless browser with a profile on disk, so IndexedDB and the service worker survive closing it. */
export function launchPersistent(userDataDir: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: ARGS, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}
