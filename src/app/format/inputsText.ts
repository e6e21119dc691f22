import type { FindingInputs } from '../../core/scheme/inputsSchema';
import { inputFields } from '../../core/scheme/ruleInputs';
import type { Item } from '../../core/scheme/schemeSchema';

/** What was entered for an item, as a person reads it: 45 分钟, 省级, 2.5, 3/40 (only what the item's rule asks for). */
export function inputsText(item: Item, inputs: FindingInputs): string {
  return inputFields(item.rule)
    .flatMap((field) => {
      if (field.name === 'level') return inputs.level ? [field.levels.find((l) => l.id === inputs.level)?.name ?? inputs.level] : [];
      if (field.name === 'quantity') return inputs.quantity !== undefined ? [`${inputs.quantity}${field.unit ? ` ${field.unit}` : ''}`] : [];
      if (field.name === 'amount') return inputs.amount !== undefined ? [String(inputs.amount)] : [];
      if (field.name === 'errors') return inputs.errors !== undefined && inputs.total !== undefined ? [`${inputs.errors}/${inputs.total}`] : [];
      return [];
    })
    .join(' ');
}
