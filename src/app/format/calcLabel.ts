import type { RuleCalc } from '../../core/scoring/explanation';

/** The scheme's own name for where a finding fell (a tier's label, a level's name), shown beside previewed points. */
export function calcLabel(c: RuleCalc): string {
  if (c.rule === 'tier') return c.label ?? '';
  if (c.rule === 'level') return c.levelName ?? '';
  return '';
}
