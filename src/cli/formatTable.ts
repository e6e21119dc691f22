import type { TFunction } from 'i18next';
import type { PeriodResults, SkipProblem, SubjectResult } from '../core/scoring/results';
import { explainLine } from '../app/format/explainLine';
import { flagSourceText, flagText } from '../words/flagText';
import { zhCNWords } from './zhCNWords';

const SUBJECT = { staff: '工作人员 staff', window: '窗口 window', chief: '首席代表 chief', unit: '单位 unit' } as const;

/** Results as a readable table with each subject's explanation, worded in zh-CN from the engine's data, for a terminal. */
export function formatTable(r: PeriodResults): string {
  const t = zhCNWords();
  const out: string[] = [`Scheme ${r.schemeId} v${r.schemeVersion} — period ${r.period.key}`];
  let last = '';
  for (const s of r.subjects) {
    if (s.subject !== last) {
      out.push('', `== ${SUBJECT[s.subject]} ==`, pad('rank', 5) + pad('name', 16) + pad('total', 9) + pad('grade', 10) + 'categories');
      last = s.subject;
    }
    out.push(row(s));
    for (const f of s.flags) out.push(`      ⚑ ${f.kind}: ${flagText(f, t)} [${flagSourceText(f.source, t)}]${f.findingIds.length ? ' ← ' + f.findingIds.join(', ') : ''}`);
    for (const line of s.explanation) {
      const x = explainLine(line, t);
      const mark = x.role === 'move' && x.points !== null ? sign(x.points) : x.role === 'trim' ? '✂' : x.role === 'sum' ? 'Σ' : '→';
      const ref = line.kind === 'finding' || line.kind === 'follow-up' ? ` ${line.findingId}` : '';
      const pending = (line.kind === 'finding' || line.kind === 'period') && line.status === 'pending' ? ` (${t('explain.pending')})` : '';
      const joint = line.kind === 'finding' && line.coDeduction ? ` (${t('explain.coDeduction')})` : '';
      out.push(`      ${mark} ${x.role === 'trim' ? '' : `${x.what}${ref}: `}${x.detail}${pending}${joint}`);
    }
  }
  if (r.skipped.length) {
    out.push('', '== skipped findings ==');
    for (const s of r.skipped) out.push(`  ${s.findingId}: ${skipped(s.problem, t)}`);
  }
  return out.join('\n');
}

function skipped(p: SkipProblem, t: TFunction): string {
  const k = 'explainLines.skipped';
  switch (p.kind) {
    case 'unknown-state':
      return t(`${k}.unknown-state`, { state: p.state });
    case 'unknown-item':
      return t(`${k}.unknown-item`, { item: p.itemId, scheme: p.schemeId, version: p.schemeVersion });
    case 'bad-time':
      return t(`${k}.bad-time`, { at: p.at });
    case 'no-subject':
      return t(`${k}.no-subject`, { item: p.itemId, subject: t(`subject.${p.subject}`), staff: p.staffId ?? '-', window: p.windowId ?? '-', unit: p.unitId ?? '-' });
  }
}

function row(s: SubjectResult): string {
  const cats = s.categories.map((c) => `${c.name} ${c.score}/${c.points}${c.pending ? ` (待定 ${c.pending})` : ''}`).join('  ');
  return pad(String(s.rank), 5) + pad(s.name, 16) + pad(String(s.total), 9) + pad(s.gradeName ?? '-', 10) + cats;
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
