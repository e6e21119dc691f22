import { createContext, useContext } from 'react';
import type { AdminApi, AdminHall } from '../../../device/admin/adminApi';
import type { HallSetup } from '../../../core/model/hallSetup';

/** What every admin section shares: the server calls, the hall as last loaded, and saving a changed hall. */
export interface AdminState {
  api: AdminApi;
  /** The hall as the server holds it (null while loading). */
  hall: AdminHall | null;
  /** Save a changed setup (the server checks it again); resolves once the server took it and the hall is reloaded. */
  saveHall: (setup: HallSetup) => Promise<void>;
  /** Load the hall again (after a change saved by another call, such as a roster file). */
  reload: () => Promise<void>;
  /** The signed-in admin's account id (they may not disable themselves). */
  selfId: string;
}

export const AdminContext = createContext<AdminState | null>(null);

/** The admin area's shared state; only inside AdminView. */
export function useAdmin(): AdminState {
  const a = useContext(AdminContext);
  if (!a) throw new Error('useAdmin outside AdminView');
  return a;
}
