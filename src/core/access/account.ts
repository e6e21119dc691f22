import { z } from 'zod';
import { ROLES } from './roles';

/** Who an account is, for names on screen and for the tablet's own role checks (no secrets). */
export const accountSummarySchema = z.object({
  /** Account id; events name it as actorId. */
  id: z.string().min(1),
  /** Display name. */
  name: z.string(),
  /** The account's role. */
  role: z.enum(ROLES),
  /** For a chief: the units they answer for. */
  unitIds: z.array(z.string()),
  /** For a chief: extra windows they answer for. */
  windowIds: z.array(z.string()),
  /** For an office: the responsible offices (责任科室, the `office` of scheme items) whose ledger items it enters (absent: none). */
  offices: z.array(z.string()).optional(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;
