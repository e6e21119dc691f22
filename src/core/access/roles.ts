/**
 * The roles of the hall. What each may do is decided by role and scope, on the server and the tablet alike
 * (access/acts.ts, access/actor.ts): a new role is a line here, its acts there and its scope rule in inScope.
 */
export const ROLES = ['admin', 'inspector', 'chief', 'committee'] as const;
export type Role = (typeof ROLES)[number];
