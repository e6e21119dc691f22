import type { AccountSummary } from '../core/access/account';

/** Who records on this device: the device, and the signed-in account whose id every event carries as its actor. */
export interface Identity {
  deviceId: string;
  account: AccountSummary;
}
