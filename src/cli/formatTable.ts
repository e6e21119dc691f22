import type { ExplanationLine, PeriodResults, SubjectResult } from '../core/scoring/results';

const SUBJECT = { staff: '工作人员 staff', window: '窗口 window', chief: '首席代表 chief', unit: '单位 unit' } as const;

/** Results as a readable table with each subject's explanation, for a terminal. */
export function formatTable(r: PeriodResults): string {
  const out: string[] = [`Scheme ${r.schemeId} v${r.schemeVersion} — period ${r.period.key}`];
  let last = '';
  for (const s of r.subjects) {
    if (s.subject !== last) {
      out.push('', `== ${SUBJECT[s.subject]} ==`, pad('rank', 5) + pad('name', 16) + pad('total', 9) + pad('grade', 10) + 'categories');
      last = s.subject;
    }
    out.push(row(s));
    for (const f of s.flags) out.push(`      ⚑ ${f.kind}: ${f.text} [${f.source}]${f.findingIds.length ? ' ← ' + f.findingIds.join(', ') : ''}`);
    for (const line of s.explanation) out.push('      ' + explain(line));
  }
  if (r.skipped.length) {
    out.push('', '== skipped findings ==');
    for (const s of r.skipped) out.push(`  ${s.findingId}: ${s.reason}`);
  }
  return out.join('\n');
}

function row(s: SubjectResult): string {
  const cats = s.categories.map((c) => `${c.name} ${c.score}/${c.points}${c.pending ? ` (待定 ${c.pending})` : ''}`).join('  ');
  return pad(String(s.rank), 5) + pad(s.name, 16) + pad(String(s.total), 9) + pad(s.gradeName ?? '-', 10) + cats;
}

function explain(l: ExplanationLine): string {
  switch (l.kind) {
    case 'finding':
      return `${sign(l.points)} ${l.itemName} [${l.clause}] ${l.at} ${l.findingId}: ${l.detail}${l.status === 'pending' ? ' (待复核, 未计入)' : ''}${l.coDeduction ? ' (连带)' : ''}`;
    case 'period':
      return `${sign(l.points)} ${l.itemName} [${l.clause}] 本期: ${l.detail}${l.status === 'pending' ? ' (待复核)' : ''}`;
    case 'follow-up':
      return `${sign(l.points)} ${l.itemName} [${l.clause}] ${l.findingId}: ${l.detail}`;
    case 'item-cap':
      return `✂ ${l.itemName} 封顶 ${l.cap} 分, 舍去 ${l.trimmed}`;
    case 'category-floor':
      return `✂ ${l.categoryName} 扣完为止 (不低于 ${l.floor}), 舍去 ${l.trimmed}`;
    case 'category-cap':
      return `✂ ${l.categoryName} 不超过 ${l.max} 分, 舍去 ${l.trimmed}`;
    case 'bonus-cap':
      return `✂ 加分封顶 ${l.cap} 分, 舍去 ${l.trimmed}`;
    case 'total-floor':
      return `✂ 总分不低于 ${l.floor}, 舍去 ${l.trimmed}`;
    case 'aggregate':
      return `Σ ${l.detail}`;
    case 'grade':
      return `→ ${l.detail}`;
  }
}

function sign(x: number): string {
  return (x > 0 ? '+' : x < 0 ? '' : '±') + String(x);
}

/** Pad by display width: CJK characters take two columns. */
function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(1, width - w));
}
