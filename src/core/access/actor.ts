import type { Role } from './roles';

/** The signed-in account as the checks need it. */
export interface Actor {
  /** Account id; an event's actorId must equal it. */
  accountId: string;
  role: Role;
  /** For a chief: the units they answer for (empty for other roles: scope is the whole hall). */
  unitIds: string[];
  /** For a chief: windows they answer for besides their units' windows. */
  windowIds: string[];
  /** For an office: the offices (the `office` of scheme items) whose ledger items it may record; absent for other roles. */
  offices?: readonly string[] | undefined;
  /** The device the account signed in on; an event's deviceId must equal it. */
  deviceId: string;
}

/** Roles bound to the units and windows they answer for (a chief); every other role's scope is the whole hall. */
const BOUND: ReadonlySet<Role> = new Set<Role>(['chief']);

/** Whether the actor's scope covers a finding charged to this unit or window */
export function inScope(actor: Pick<Actor, 'role' | 'unitIds' | 'windowIds'>, where: { unitId?: string | null | undefined; windowId?: string | null | undefined }): boolean {
  if (!BOUND.has(actor.role)) return true;
  if (where.unitId && actor.unitIds.includes(where.unitId)) return true;
  return Boolean(where.windowId && actor.windowIds.includes(where.windowId));
}
