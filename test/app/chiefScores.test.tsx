// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/core/access/account';
import { renderPatrol } from './renderPatrol';

afterEach(cleanup);

const chief: AccountSummary = { id: 'acc-chief-zonghe', name: '综合首席', role: 'chief', unitIds: ['u-zonghe'], windowIds: [] };
const windowChief: AccountSummary = { id: 'acc-chief-w30', name: '30号窗口首席', role: 'chief', unitIds: [], windowIds: ['w-30'] };
const inspector: AccountSummary = { id: 'inspector-1', name: '张巡查', role: 'inspector', unitIds: [], windowIds: [] };

/** The staff rows the scores view lists, once the scores are in. */
async function staffRows(): Promise<string[]> {
  fireEvent.click(screen.getByRole('button', { name: '本月得分' }));
  const table = await screen.findByRole('table');
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[1]?.textContent ?? '');
}

describe("a chief's scores", () => {
  it('lists only the staff of their units; the inspector sees the whole hall', async () => {
    const { hall } = await renderPatrol({ account: chief });
    const zonghe = hall.roster.staff.filter((s) => s.unitId === 'u-zonghe').map((s) => s.name);
    const shown = await staffRows();
    expect(screen.getByText(/仅显示您所辖单位和窗口的得分/)).toBeTruthy();
    expect([...shown].sort()).toEqual([...zonghe].sort());

    cleanup();
    await renderPatrol({ account: inspector });
    expect(await staffRows()).toHaveLength(hall.roster.staff.length);
  });

  it('a chief bound to a window only sees that window\'s staff', async () => {
    const { hall } = await renderPatrol({ account: windowChief });
    const atWindow = hall.roster.staff.filter((s) => s.windowId === 'w-30').map((s) => s.name);
    expect(atWindow.length).toBeGreaterThan(0);
    expect([...(await staffRows())].sort()).toEqual([...atWindow].sort());
  });
});
