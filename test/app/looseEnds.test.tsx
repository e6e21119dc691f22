// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { SignIn } from '../../src/app/features/account/SignIn';
import { createI18n } from '../../src/app/i18n/createI18n';
import { en } from '../../src/app/i18n/en';
import { languageOf } from '../../src/app/i18n/languages';
import { syncHandle } from '../../src/device/sync/syncHandle';
import { testDb } from '../device/testDb';
import { renderPatrol, storedEvents } from './renderPatrol';
import { reviewSeed, testPhoto } from './reviewSeed';

afterEach(cleanup);

/** A sync handle over the device's own tables (nothing started: no server is asked). */
const idleSync = (db: ReturnType<typeof testDb>) => syncHandle({ db, deviceId: 'device-1', timeZone: 'Asia/Shanghai', baseUrl: 'http://127.0.0.1:9' });

describe('the tablet’s loose ends', () => {
  it('the top bar says records and photos apart, and the last sync as stored, before sync has run in this session', async () => {
    const seed = await reviewSeed();
    await seed.record('phone', 'w-05', undefined, [testPhoto('evidence')]);
    await seed.db.syncState.put({ key: 'sync', cursor: null, lastSuccessAt: '2026-03-02T01:15:00.000Z' });
    await renderPatrol({ db: seed.db, sync: idleSync(seed.db) });
    const status = within(screen.getByRole('status', { name: '同步状态' }));
    await waitFor(() => expect(status.getByText('待同步 记录 1 条、照片 1 张')).toBeTruthy());
    expect(status.getByText('上次同步 09:15')).toBeTruthy();
    expect(status.queryByText('已全部同步')).toBeNull();
  });

  it('never says all synced before any sync has gone through', async () => {
    const db = testDb();
    await renderPatrol({ db, sync: idleSync(db) });
    const status = within(screen.getByRole('status', { name: '同步状态' }));
    await waitFor(() => expect(status.getByText('尚未同步')).toBeTruthy());
    expect(status.queryByText('已全部同步')).toBeNull();
  });

  it('the window panel closes when the tab changes, and does not come back with it', async () => {
    await renderPatrol();
    fireEvent.click(screen.getByRole('button', { name: /^5号窗口，/ }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '今日记录' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '大厅地图' }));
    await screen.findByRole('button', { name: /^5号窗口，/ });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the person chosen for one finding is not carried to the next at a window of two', async () => {
    const { db, hall } = await renderPatrol();
    const [, b] = hall.roster.staff.filter((s) => s.windowId === 'w-01');
    fireEvent.click(screen.getByRole('button', { name: /^1号窗口，/ }));
    const panel = within(screen.getByRole('dialog'));
    fireEvent.click(within(panel.getByRole('group', { name: '在岗人员' })).getByRole('button', { name: b?.name ?? '' }));
    fireEvent.click(panel.getAllByRole('button', { name: /^玩手机，/ })[0] as HTMLElement);
    await screen.findByText(`已记录：玩手机 · ${b?.name}`);
    const people = within(panel.getByRole('group', { name: '在岗人员' }));
    expect(people.getAllByRole('button').filter((x) => x.getAttribute('aria-pressed') === 'true')).toHaveLength(0);
    fireEvent.click(panel.getAllByRole('button', { name: /^玩手机，/ })[0] as HTMLElement);
    expect(await screen.findByText('请选择人员')).toBeTruthy();
    expect(await storedEvents(db)).toHaveLength(1);
  });

  it('a validation message sits under its field and goes as soon as the input is valid', async () => {
    await renderPatrol();
    fireEvent.click(screen.getByRole('button', { name: /^5号窗口，/ }));
    fireEvent.click(within(screen.getByRole('dialog')).getAllByRole('button', { name: /^迟到，/ })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const field = screen.getByLabelText('迟到时长').closest('.number-field') as HTMLElement;
    expect(within(field).getByRole('alert').textContent).toBe('请填写');
    fireEvent.change(screen.getByLabelText('迟到时长'), { target: { value: '-1' } });
    expect(within(field).getByRole('alert').textContent).toBe('不能小于 0');
    fireEvent.change(screen.getByLabelText('迟到时长'), { target: { value: '15' } });
    expect(within(field).queryByRole('alert')).toBeNull();
  });

  it('an item whose consequence is a flag says so instead of "−0", on its button and in the log', async () => {
    await renderPatrol();
    fireEvent.click(screen.getByRole('button', { name: /^5号窗口，/ }));
    const item = within(screen.getByRole('dialog')).getAllByRole('button', { name: /^工作期间饮酒，/ })[0] as HTMLElement;
    expect(item.getAttribute('aria-label')).toMatch(/^工作期间饮酒，予以退回，记入/);
    expect(item.textContent).not.toMatch(/−0/);
    fireEvent.click(item);
    await screen.findByText(/已记录：工作期间饮酒/);
    fireEvent.click(screen.getByRole('button', { name: '今日记录' }));
    const entry = within(await screen.findByRole('listitem', { name: /工作期间饮酒/ }));
    expect(entry.getByText('予以退回')).toBeTruthy();
    expect(entry.queryByText(/−0/)).toBeNull();
  });

  it('a sign-in refused for too many tries says how long to wait, in both languages', async () => {
    const tooMany = Object.assign(new Error('rate limited'), { code: 'rate-limited', retryAfterMs: 4.2 * 60_000 });
    for (const [language, words] of [
      ['zh-CN', /请 ?5 ?分钟后再试/],
      ['en', /try again in 5 min/],
    ] as const) {
      cleanup();
      const i18n = createI18n(languageOf(language), language === 'en' ? en : undefined);
      render(
        <I18nextProvider i18n={i18n}>
          <SignIn hallName="演示大厅" onSignIn={() => Promise.reject(tooMany)} />
        </I18nextProvider>,
      );
      fireEvent.change(screen.getByLabelText(language === 'en' ? 'User name' : '用户名'), { target: { value: 'inspector1' } });
      fireEvent.change(screen.getByLabelText(language === 'en' ? 'Password' : '密码'), { target: { value: 'nope' } });
      fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Sign in' : '登录' }));
      expect((await screen.findByRole('alert')).textContent).toMatch(words);
    }
  });
});
