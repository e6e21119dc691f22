import type { AdminMessages } from './admin/zhCNAdmin';
import type { Messages } from './zhCN';
import type { zhCNResults } from './zhCNResults';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    /** `admin` is added with the admin screens (a lazy chunk): useAdminWords; `results` with the results screen. */
    resources: { translation: Messages; admin: AdminMessages; results: typeof zhCNResults };
  }
}
