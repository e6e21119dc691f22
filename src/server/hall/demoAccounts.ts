import type { Role } from '../../core/access/roles';

/** The demo hall's accounts, one or more per role (docs/accounts.md lists them). Chiefs are bound to their unit. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS: { id: string; username: string; name: string; role: Role; unitIds: string[]; windowIds: string[]; offices?: string[] }[] = [
  { id: 'acc-admin', username: 'admin', name: '系统管理员', role: 'admin', unitIds: [], windowIds: [] },
  { id: 'acc-inspector1', username: 'inspector1', name: '巡查员 周明', role: 'inspector', unitIds: [], windowIds: [] },
  { id: 'acc-inspector2', username: 'inspector2', name: '巡查员 吴静', role: 'inspector', unitIds: [], windowIds: [] },
  { id: 'acc-chief-zonghe', username: 'chief-zonghe', name: '首席代表 (综合受理窗口)', role: 'chief', unitIds: ['u-zonghe'], windowIds: [] },
  { id: 'acc-chief-shuiwu', username: 'chief-shuiwu', name: '首席代表 (税务局)', role: 'chief', unitIds: ['u-shuiwu'], windowIds: [] },
  { id: 'acc-committee1', username: 'committee1', name: '考核小组 郑华', role: 'committee', unitIds: [], windowIds: [] },
  // The 综合办公室 keeps attendance, complaints and 好差评 (the ledger items of 000 and 003 it owns).
  { id: 'acc-office-zonghe', username: 'office-zonghe', name: '综合办公室 孙悦', role: 'office', unitIds: [], windowIds: [], offices: ['综合办公室'] },
];

/** The demo centre administrator (中心管理员): belongs to no hall, manages the demo hall and every hall it creates. */
export const DEMO_CENTRE_ADMIN = { id: 'acc-centre', username: 'centre', name: '中心管理员 陈志远' } as const;
