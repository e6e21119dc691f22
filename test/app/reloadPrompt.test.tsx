// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../src/app/i18n/createI18n';
import { ReloadPrompt } from '../../src/app/pwa/ReloadPrompt';
import { createPatrolStore } from '../../src/app/store/patrolStore';
import { StoreContext } from '../../src/app/store/StoreContext';

const sw = vi.hoisted(() => ({ needRefresh: true, update: vi.fn(async () => undefined) }));

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [sw.needRefresh, vi.fn()],
    offlineReady: [false, vi.fn()],
    updateServiceWorker: sw.update,
  }),
}));

afterEach(cleanup);

describe('the new-version prompt', () => {
  it('waits while a finding is being entered, then offers the reload', () => {
    const store = createPatrolStore();
    store.getState().openWindow('w-03');
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <StoreContext value={store}>
          <ReloadPrompt />
        </StoreContext>
      </I18nextProvider>,
    );
    expect(screen.queryByText('有新版本可用。')).toBeNull();
    act(() => store.getState().closePanel());
    expect(screen.getByText('有新版本可用。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(sw.update).toHaveBeenCalledWith(true);
  });
});
