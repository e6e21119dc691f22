import type { Finding } from './finding';
import type { FindingInputs } from '../scheme/inputsSchema';

/** The item and inputs a finding is scored by: the committee's amendment once it amended, else what was recorded. */
export function effectiveItem(f: Pick<Finding, 'itemId' | 'inputs' | 'state' | 'amended'>): { itemId: string; inputs: FindingInputs } {
  if (f.state !== 'amended' || !f.amended) return { itemId: f.itemId, inputs: f.inputs ?? {} };
  return { itemId: f.amended.itemId ?? f.itemId, inputs: f.amended.inputs ?? f.inputs ?? {} };
}
