import { fireEvent, screen } from '@testing-library/react';
import type { AccountSummary } from '../../../src/core/access/account';
import { loadScheme } from '../../fixtures/schemes';
import { renderPatrol } from '../renderPatrol';
import type { testDb } from '../../device/testDb';

export const OFFICE: AccountSummary = { id: 'acc-office-zonghe', name: '综合办公室 孙悦', role: 'office', unitIds: [], windowIds: [], offices: ['综合办公室'] };
/** 000 昆区: the staff items 综合办公室 enters (请假, 旷工, 投诉, 好差评 …) beside patrol items of other offices. */
export const kunqu = () => [{ scheme: loadScheme('000-kunqu.yaml'), level: 'staff' as const, search: {} }];

/** The desk on 2 April 2026 (10:00 in the hall), March picked (on a database given, holding what a test stored before). */
export async function openDesk(options: { db?: ReturnType<typeof testDb> } = {}) {
  const r = await renderPatrol({ account: OFFICE, schemes: kunqu(), at: '2026-04-02T02:00:00Z', ...options });
  const month = await screen.findByLabelText('月份', {}, { timeout: 30_000 });
  fireEvent.change(month, { target: { value: '2026-03' } });
  const grid = await screen.findByRole('table', { name: /人员 × 台账事项（2026-03）/ }, { timeout: 30_000 });
  return { ...r, grid };
}

