import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FindingEvent } from '../../src/core/events/events';
import type { PeriodScores } from '../../src/core/scoring/results';
import type { SyncOutcome } from '../../src/device/sync/syncClient';
import type { SyncState } from '../../src/device/sync/syncState';

/** What the tablets' requests came to, as the browser saw them. */
export interface RequestCounts {
  tried: number;
  ok2xx: number;
  refused4xx: number;
  server5xx: number;
  /** 503 answers (the server says its database is down for now): part of server5xx, expected while PostgreSQL restarts. */
  unavailable503: number;
  /** Requests that got no answer: cut, refused connection, tab closed. */
  noAnswer: number;
}

/**
 * A tablet for the chaos run: a browser context of its own (its own IndexedDB) whose page runs the app's device
 * modules and sync client (test/e2e/harness/syncHarness.ts) at the relay's origin. The page can be closed at any time
 * and opened again on the same database, as a person closing and reopening the tab.
 */
export class ChaosTablet {
  page: Page | null = null;
  /** Requests to the API in flight right now. */
  inFlight = 0;
  readonly counts: RequestCounts = { tried: 0, ok2xx: 0, refused4xx: 0, server5xx: 0, unavailable503: 0, noAnswer: 0 };
  /** Recording and closing the tab take turns: a tab is closed mid-request, never mid-recording (see exclusive). */
  private lane: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly name: string,
    readonly deviceId: string,
    readonly ctx: BrowserContext,
    private readonly origin: string,
  ) {}

  /** A new context serving the harness at `origin` (the relay), counting every API request's outcome. */
  static async create(browser: Browser, origin: string, name: string, bundle: string): Promise<ChaosTablet> {
    const ctx = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    // Generous: the machine is shared; a page load under a load average of 20 can take most of a minute.
    ctx.setDefaultTimeout(180_000);
    ctx.setDefaultNavigationTimeout(180_000);
    const t = new ChaosTablet(name, `tablet-${name}`, ctx, origin);
    await ctx.route(`${origin}/harness.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/harness.js"></script>' }));
    await ctx.route(`${origin}/harness.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: bundle }));
    const api = (url: string): boolean => url.startsWith(`${origin}/api/`);
    ctx.on('request', (r) => {
      if (api(r.url())) t.inFlight++;
    });
    ctx.on('requestfinished', (r) => {
      if (!api(r.url())) return;
      t.inFlight = Math.max(0, t.inFlight - 1);
      void r.response().then((res) => {
        const s = res?.status() ?? 0;
        t.counts.tried++;
        if (s >= 200 && s < 300) t.counts.ok2xx++;
        else if (s >= 400 && s < 500) {
          t.counts.refused4xx++;
          if (process.env.CHAOS_DEBUG) console.log(`${t.name} ${r.method()} ${r.url()} answered ${s}`);
        }
        else if (s >= 500) {
          t.counts.server5xx++;
          if (s === 503) t.counts.unavailable503++;
        }
      });
    });
    ctx.on('requestfailed', (r) => {
      if (!api(r.url())) return;
      t.inFlight = Math.max(0, t.inFlight - 1);
      t.counts.tried++;
      t.counts.noAnswer++;
      if (process.env.CHAOS_DEBUG) console.log(`${t.name} ${r.method()} ${r.url()} failed: ${r.failure()?.errorText ?? ''}`);
    });
    await t.open();
    return t;
  }

  /** Open the tab (again) on the same database and device id; the stored sign-in carries over. */
  async open(): Promise<Page> {
    const page = await this.ctx.newPage();
    await page.goto(`${this.origin}/harness.html`);
    await page.waitForFunction(() => 'hp' in window);
    await page.evaluate(async ([db, device]) => window.hp.setup(db, device), [`hall-patrol-${this.name}`, this.deviceId] as const);
    this.page = page;
    return page;
  }

  /**
   * Close the tab now, whatever request it has in flight. Not while it records: a recording the test started and
   * then cut off would leave the test not knowing what the tablet recorded (the durability of a save is
   * test/reliability/tabletDurability's subject).
   */
  close(): Promise<void> {
    return this.exclusive(async () => {
      const p = this.page;
      this.page = null;
      await p?.close();
    });
  }

  /** Run `fn` after every earlier recording or closing has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lane.then(fn, fn);
    this.lane = run.catch(() => undefined);
    return run;
  }

  private async on<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = this.page ?? (await this.open());
    return fn(page);
  }

  signIn(username: string): Promise<void> {
    return this.on((p) => p.evaluate((u) => window.hp.signIn(u, 'demo1234'), username));
  }

  /** One sync; a tab closed under it counts as 'closed'. */
  async syncNow(): Promise<SyncOutcome | 'closed'> {
    try {
      return await this.on((p) => p.evaluate(() => window.hp.syncNow()));
    } catch (e) {
      if (this.page === null || this.page.isClosed()) return 'closed';
      throw e;
    }
  }

  /** Record `n` findings without photos (events and outbox rows in one transaction, as the app writes them). */
  async fill(n: number, accountId: string, at: string): Promise<void> {
    await this.exclusive(() => this.on((p) => p.evaluate(([k, a, t]) => window.hp.fill(k, a, t), [n, accountId, at] as const)));
  }

  /**
   * Record `n` findings the way the patrol screen does, the first with a photo of its own (its bytes follow from
   * `n`, so different `n` give different photos).
   */
  async recordWithPhoto(n: number, accountId: string, at: string): Promise<void> {
    await this.exclusive(() => this.on((p) => p.evaluate(([k, a, t]) => window.hp.record(k, a, { at: t, photo: true, staff: ['s-001', 's-014', 's-033'] }), [n, accountId, at] as const)));
  }

  events(): Promise<FindingEvent[]> {
    return this.on((p) => p.evaluate(() => window.hp.events()));
  }

  outboxSize(): Promise<number> {
    return this.on((p) => p.evaluate(() => window.hp.outboxSize()));
  }

  state(): Promise<SyncState> {
    return this.on((p) => p.evaluate(() => window.hp.state()));
  }

  results(period: string, asOf: string): Promise<PeriodScores> {
    return this.on((p) => p.evaluate(([k, t]) => window.hp.results('kunqu-window-staff', k, t), [period, asOf] as const));
  }
}
