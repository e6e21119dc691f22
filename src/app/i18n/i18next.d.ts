import type { AdminMessages } from './admin/zhCNAdmin';
import type { Messages } from './zhCN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    /** `admin` is added with the admin screens (a lazy chunk): useAdminWords. */
    resources: { translation: Messages; admin: AdminMessages };
  }
}
