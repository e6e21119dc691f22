import type { DeskT } from './useDeskWords';
import type { TFunction } from 'i18next';
import type { ColumnWords } from '../../../core/ledger/ledgerSheets';
import { ledgerValueKind } from '../../../core/ledger/ledgerValue';
import type { Item } from '../../../core/scheme/schemeSchema';
import { enDesk } from '../../i18n/enDesk';
import { zhCNDesk } from '../../i18n/zhCNDesk';
import type { TemplateWords } from './files/ledgerTemplate';

/** The headers an import takes: each column's word in every language of the app (a template made in either is read). */
export function importWords(): ColumnWords {
  const both = (k: keyof typeof zhCNDesk.column): string[] => [zhCNDesk.column[k], enDesk.column[k]];
  return { date: both('date'), subject: both('subject'), item: both('item'), value: both('value'), source: both('source'), note: both('note') };
}

/** The subjects that mark a totals row of a raw export (合计), in every language: such a row is skipped. */
export const TOTALS: readonly string[] = [zhCNDesk.import.totals, enDesk.import.totals].flatMap((w) => w.split('|'));

/** The template's instruction sheets, in every language: they hold no entries. */
export const HELP_SHEETS: readonly string[] = [zhCNDesk.sheet.help, enDesk.sheet.help];

/** How an item's value is written, in words: 次数; 请假天数（天）; 分值 1–2; 等级：国家级/市级; 差错数/办件总数. */
export function valueHint(item: Item, t: DeskT): string {
  const kind = ledgerValueKind(item.rule);
  const r = item.rule;
  switch (kind) {
    case 'quantity': {
      const q = 'quantity' in r && r.quantity ? r.quantity : { label: item.name, unit: '' };
      return t('kind.quantity', { label: q.label, unit: q.unit });
    }
    case 'amount':
      return r.kind === 'range' ? t('kind.amount', { min: r.min, max: r.max }) : t('kind.amount', { min: 0, max: 0 });
    case 'level':
      return `${t('kind.level')}：${r.kind === 'levels' ? r.levels.map((l) => l.name).join('/') : ''}`;
    default:
      return t(`kind.${kind}`);
  }
}

/** The template's words in the screen's language. */
export function deskTemplateWords(t: DeskT, tApp: TFunction, schemeName: string, offices: readonly string[], month: string): TemplateWords {
  return {
    title: t('help.title', { scheme: schemeName, offices: offices.join(tApp('list.separator')), month }),
    sheet: { summary: t('sheet.summary'), entries: t('sheet.entries'), help: t('sheet.help') },
    column: { date: t('column.date'), subject: t('column.subject'), item: t('column.item'), value: t('column.value'), source: t('column.source'), note: t('column.note') },
    help: {
      summary: t('help.summary'),
      entries: t('help.entries'),
      rules: t('help.rules'),
      item: t('help.item'),
      id: t('help.id'),
      clause: t('help.clause'),
      subject: t('help.subject'),
      value: t('help.value'),
    },
    subject: { staff: tApp('subject.staff'), window: tApp('subject.window'), unit: tApp('subject.unit'), chief: tApp('subject.chief') },
    valueHint: (item) => valueHint(item, t),
  };
}
