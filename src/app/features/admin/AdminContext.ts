import { createContext, useContext } from 'react';
import type { AdminApi, AdminHall } from '../../../device/admin/adminApi';
import type { CentreHall } from '../../../device/admin/centreCalls';
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
  /** A centre administrator's halls (null for a hall's own admin): the sections above work on `current`. */
  centre: CentreState | null;
}

/** The halls a centre administrator manages, side by side, and the one the admin screens work on. */
export interface CentreState {
  halls: readonly CentreHall[];
  current: string;
  /** Work on another managed hall (this device signs in to it; its own sign-in stays). */
  switchTo: (hallId: string) => Promise<void>;
  /** Read the halls' figures again (after opening one). */
  reloadHalls: () => Promise<void>;
}

export const AdminContext = createContext<AdminState | null>(null);

/** The admin area's shared state; only inside AdminView. */
export function useAdmin(): AdminState {
  const a = useContext(AdminContext);
  if (!a) throw new Error('useAdmin outside AdminView');
  return a;
}
