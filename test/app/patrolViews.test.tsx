// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPatrol } from './renderPatrol';

afterEach(cleanup);

function tapWindow(n: number): void {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${n}号窗口，`) }));
}
function panel() {
  return within(screen.getByRole('dialog'));
}

describe('the patrol around the finding', () => {
  it('shows the hall: 40 windows with unit zones, the entrance, who is on duty', async () => {
    const { hall } = await renderPatrol();
    const map = screen.getByRole('group', { name: '示范政务服务大厅平面图' });
    expect(within(map).getAllByRole('button')).toHaveLength(40);
    expect(within(map).getByText('入口')).toBeTruthy();
    // 税务局's six windows run over both rows, so its zone is drawn twice.
    expect(within(map).getAllByText('税务局')).toHaveLength(2);
    const [a, b] = hall.roster.staff.filter((s) => s.windowId === 'w-01');
    expect(screen.getByRole('button', { name: `1号窗口，综合受理窗口，在岗：${a?.name}、${b?.name}，今日0条记录，今日未巡查` })).toBeTruthy();
  });

  it('searches items by Chinese text and by pinyin initials', async () => {
    await renderPatrol();
    tapWindow(5);
    const search = screen.getByRole('searchbox', { name: '搜索事项' });
    fireEvent.change(search, { target: { value: 'wsj' } });
    const results = screen.getByRole('region', { name: /搜索结果/ });
    expect(within(results).getAllByRole('button').map((b) => b.querySelector('.item-name')?.textContent)).toEqual(['玩手机']);
    fireEvent.change(search, { target: { value: '态度' } });
    expect(within(screen.getByRole('region', { name: /搜索结果/ })).getByRole('button', { name: /^服务态度差，/ })).toBeTruthy();
    fireEvent.change(search, { target: { value: 'zzzz' } });
    expect(screen.getByText('没有找到匹配的事项。')).toBeTruthy();
  });

  it('puts recently used items first', async () => {
    await renderPatrol();
    tapWindow(5);
    fireEvent.click(panel().getByRole('button', { name: /^锦旗，/ }));
    await screen.findByText(/已记录：锦旗/);
    const recent = await screen.findByRole('region', { name: '最近使用' });
    expect(within(recent).getAllByRole('button').map((b) => b.querySelector('.item-name')?.textContent)).toEqual(['锦旗']);
  });

  it('updates the person’s provisional score and explains it in one tap', async () => {
    const { hall } = await renderPatrol();
    const person = hall.roster.staff.find((s) => s.windowId === 'w-05');
    tapWindow(5);
    fireEvent.click(panel().getByRole('button', { name: /^玩手机，/ }));
    await screen.findByText(/已记录：玩手机/);
    const score = await screen.findByRole('button', { name: `${person?.name}本月暂定 95 分，查看说明` });
    fireEvent.click(score);
    const sheet = await screen.findByRole('dialog', { name: `${person?.name}：95 分` });
    expect(within(sheet).getByText('玩手机')).toBeTruthy();
    expect(within(sheet).getByText('−5')).toBeTruthy();
  });

  it('counts coverage: a finding or "all in order" marks the window visited', async () => {
    await renderPatrol();
    expect(screen.getByText('今日已巡查 0/40 个窗口')).toBeTruthy();
    tapWindow(7);
    fireEvent.click(panel().getByRole('button', { name: '本窗口正常' }));
    fireEvent.click(panel().getByRole('button', { name: '关闭' }));
    expect(await screen.findByText('今日已巡查 1/40 个窗口')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: '未巡查的窗口' })).queryByRole('button', { name: '打开7号窗口' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '打开8号窗口' }));
    expect(screen.getByRole('heading', { name: /^8号窗口/ })).toBeTruthy();
  });

  it('shows the month’s scores and the storage state, and switches to English', async () => {
    const { i18n } = await renderPatrol();
    fireEvent.click(screen.getByRole('button', { name: '本月得分' }));
    expect(await screen.findByRole('heading', { name: /2026-03 暂定得分/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '设置' }));
    expect(await screen.findByText('已获准长期保存：浏览器不会自动清除这些记录。')).toBeTruthy();
    expect(screen.getByText(/已用 5.0 MB/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(i18n.language).toBe('en'));
    expect(await screen.findByRole('button', { name: 'Hall map' })).toBeTruthy();
    expect(screen.getByText('Persistent storage granted: the browser will not clear these records on its own.')).toBeTruthy();
  });
});
