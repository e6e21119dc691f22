/** The roles of the hall: who may do what is decided by role and scope, on the server and the tablet alike. */
export type Role = 'admin' | 'inspector' | 'chief' | 'committee';

export const ROLES: readonly Role[] = ['admin', 'inspector', 'chief', 'committee'];

/** The signed-in account as the checks need it. */
export interface Actor {
  /** Account id; an event's actorId must equal it. */
  accountId: string;
  role: Role;
  /** For a chief: the units they answer for (empty for other roles: scope is the whole hall). */
  unitIds: string[];
  /** For a chief: windows they answer for besides their units' windows. */
  windowIds: string[];
  /** The device the account signed in on; an event's deviceId must equal it. */
  deviceId: string;
}

/** Whether the actor's scope covers a finding charged to this unit/window (chiefs are bound to theirs). */
export function inScope(actor: Actor, where: { unitId?: string | undefined; windowId?: string | undefined }): boolean {
  if (actor.role !== 'chief') return true;
  if (where.unitId && actor.unitIds.includes(where.unitId)) return true;
  return Boolean(where.windowId && actor.windowIds.includes(where.windowId));
}
