/**
 * The roles of the hall. What each may do is decided by role and scope, on the server and the tablet alike
 * (access/acts.ts, access/actor.ts): a new role is a line here, its acts there and its scope rule in inScope.
 * An office (责任科室, issue 11) enters the ledger items its offices own (access/officeRefusal.ts).
 */
export const ROLES = ['admin', 'inspector', 'chief', 'committee', 'office'] as const;
export type Role = (typeof ROLES)[number];
