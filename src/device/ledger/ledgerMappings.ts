import { ledgerMappingSchema } from '../../core/ledger/ledgerMapping';
import type { LedgerMapping } from '../../core/ledger/ledgerMapping';
import type { PatrolDb } from '../patrolDb';

/** The mappings remembered for a scheme, by name; a stored row that no longer fits the core's schema is left out. */
export async function readLedgerMappings(db: PatrolDb, schemeId: string): Promise<LedgerMapping[]> {
  const rows = (await db.ledgerMappings.where('schemeId').equals(schemeId).toArray()) as unknown[];
  return rows.flatMap((r) => {
    const parsed = ledgerMappingSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  }).sort((a, b) => a.name.localeCompare(b.name));
}

/** Remember a mapping (checked first), replacing the one of the same scheme and name. */
export async function saveLedgerMapping(db: PatrolDb, mapping: LedgerMapping): Promise<void> {
  await db.ledgerMappings.put(ledgerMappingSchema.parse(mapping));
}
