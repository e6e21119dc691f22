import { useMemo, useState } from 'react';
import type { LedgerMapping } from '../../../core/ledger/ledgerMapping';
import type { SheetText } from '../../../core/ledger/ledgerSheets';
import { columnValues, guessHeader } from '../../../core/ledger/sheetHeader';
import type { Item, SubjectKind } from '../../../core/scheme/schemeSchema';
import { useDeskWords } from './useDeskWords';

const KINDS: readonly SubjectKind[] = ['staff', 'window', 'unit', 'chief'];
/** A kind value's choice: an item id, '' for a row that enters nothing (满意), or UNLISTED for a value that is refused. */
type Choice = { itemId: string; verified: boolean };
const UNLISTED = '!';

/**
 * Say how a raw export is read (a file that is not the desk's template): its sheet, which column names the subject,
 * gives the date, the row's own number and a note; then either which item each value column feeds (a monthly summary)
 * or, for a file of one row per occurrence, what each value of its kind column feeds and which rows count as verified.
 * Saved on this device under the source's name, for the next import of that scheme.
 */
export function MappingForm(props: { schemeId: string; fileName: string; sheets: readonly SheetText[]; items: readonly Item[]; initial?: LedgerMapping | undefined; onSave: (m: LedgerMapping) => void; onCancel: () => void }) {
  const { t, tApp } = useDeskWords();
  const init = props.initial;
  const [name, setName] = useState(init?.name ?? props.fileName.replace(/\.(xlsx|csv)$/i, ''));
  const [sheetName, setSheetName] = useState(init?.sheet ?? props.sheets.find((s) => guessHeader(s.rows))?.name ?? props.sheets[0]?.name ?? '');
  const sheet = props.sheets.find((s) => s.name === sheetName);
  const header = useMemo(() => (sheet ? guessHeader(sheet.rows) : null), [sheet]);
  const labels = (header?.labels ?? []).filter((l) => l !== '');
  const [subjectKind, setSubjectKind] = useState<SubjectKind>(init?.subjectKind ?? 'staff');
  const [subject, setSubject] = useState(init?.subject ?? labels[0] ?? '');
  const [date, setDate] = useState(init?.date ?? '');
  const [source, setSource] = useState(init?.source ?? '');
  const [note, setNote] = useState(init?.note ?? '');
  const [layout, setLayout] = useState<'columns' | 'kind'>(init?.kind ? 'kind' : 'columns');
  const [columns, setColumns] = useState<Record<string, string>>(Object.fromEntries((init?.columns ?? []).map((c) => [c.label, c.itemId])));
  const [kindLabel, setKindLabel] = useState(init?.kind?.label ?? '');
  // A value the mapping listed keeps its choice; one it did not (new in this file) starts refused, to be chosen.
  const [values, setValues] = useState<Record<string, Choice>>(Object.fromEntries((init?.kind?.values ?? []).map((v) => [v.value, { itemId: v.itemId ?? '', verified: v.verified }])));
  const [verifyLabel, setVerifyLabel] = useState(init?.kind?.verify?.label ?? '');
  const [verifyOneOf, setVerifyOneOf] = useState<string[]>(init?.kind?.verify?.oneOf ?? []);
  const items = props.items.filter((i) => i.subject === subjectKind);
  const kindValues = header && kindLabel ? columnValues(header, kindLabel) : [];
  const verifyValues = header && verifyLabel ? columnValues(header, verifyLabel) : [];
  const used = new Set([subject, date, source, note, kindLabel, verifyLabel]);

  const mapping = (): LedgerMapping => {
    const m: LedgerMapping = { name: name.trim(), schemeId: props.schemeId, sheet: sheetName, subjectKind, subject, columns: [] };
    if (date) m.date = date;
    if (source) m.source = source;
    if (note) m.note = note;
    if (layout === 'columns') m.columns = Object.entries(columns).flatMap(([label, itemId]) => (itemId && labels.includes(label) ? [{ label, itemId }] : []));
    else if (kindLabel) {
      const listed = kindValues.flatMap((value) => {
        const c = values[value] ?? { itemId: UNLISTED, verified: false };
        return c.itemId === UNLISTED ? [] : [{ value, itemId: c.itemId || null, verified: c.itemId !== '' && c.verified }];
      });
      m.kind = { label: kindLabel, values: listed };
      if (verifyLabel && verifyOneOf.length > 0) m.kind.verify = { label: verifyLabel, oneOf: verifyOneOf.filter((v) => verifyValues.includes(v)) };
    }
    return m;
  };
  const itemSelect = (value: string, onChange: (v: string) => void, label: string, refusable = false) => (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {refusable && <option value={UNLISTED}>{t('mapping.unlisted')}</option>}
      <option value="">{t('mapping.skip')}</option>
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </select>
  );
  const columnSelect = (label: string, value: string, onChange: (v: string) => void, optional: boolean) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {optional && <option value="">{t('mapping.none')}</option>}
        {labels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      className="desk-mapping"
      aria-label={t('mapping.title', { file: props.fileName })}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(mapping());
      }}
    >
      <h4>{t('mapping.title', { file: props.fileName })}</h4>
      <p className="muted">{t('mapping.intro')}</p>
      <label className="field">
        <span>{t('mapping.name')}</span>
        <input type="text" required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('mapping.sheet')}</span>
        <select value={sheetName} onChange={(e) => setSheetName(e.target.value)}>
          {props.sheets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {!header && <p role="alert">{t('mapping.noHeader')}</p>}
      <label className="field">
        <span>{t('mapping.subjectKind')}</span>
        <select value={subjectKind} onChange={(e) => setSubjectKind(e.target.value as SubjectKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tApp(`subject.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {columnSelect(t('mapping.subject'), subject, setSubject, false)}
      {columnSelect(t('mapping.date'), date, setDate, true)}
      {columnSelect(t('mapping.source'), source, setSource, true)}
      {columnSelect(t('mapping.note'), note, setNote, true)}
      <fieldset>
        <legend>{t('mapping.layout')}</legend>
        <label>
          <input type="radio" name="layout" checked={layout === 'columns'} onChange={() => setLayout('columns')} /> {t('mapping.layoutColumns')}
        </label>
        <label>
          <input type="radio" name="layout" checked={layout === 'kind'} onChange={() => setLayout('kind')} /> {t('mapping.layoutKind')}
        </label>
      </fieldset>
      {layout === 'columns' &&
        labels
          .filter((l) => !used.has(l))
          .map((l) => (
            <label key={l} className="field inline">
              <span>{l}</span>
              {itemSelect(columns[l] ?? '', (v) => setColumns((c) => ({ ...c, [l]: v })), t('mapping.column', { label: l }))}
            </label>
          ))}
      {layout === 'kind' && (
        <>
          {columnSelect(t('mapping.kind'), kindLabel, setKindLabel, true)}
          {columnSelect(t('mapping.verify'), verifyLabel, setVerifyLabel, true)}
          {verifyValues.length > 0 && (
            <fieldset>
              <legend>{t('mapping.verifyOneOf')}</legend>
              {verifyValues.map((v) => (
                <label key={v}>
                  <input type="checkbox" checked={verifyOneOf.includes(v)} onChange={(e) => setVerifyOneOf((x) => (e.target.checked ? [...x, v] : x.filter((y) => y !== v)))} /> {v}
                </label>
              ))}
            </fieldset>
          )}
          {kindValues.map((v) => (
            <div key={v} className="field inline">
              <span>{v}</span>
              {itemSelect(values[v]?.itemId ?? UNLISTED, (itemId) => setValues((x) => ({ ...x, [v]: { itemId, verified: x[v]?.verified ?? false } })), t('mapping.value', { value: v }), true)}
              {verifyLabel && (
                <label>
                  <input type="checkbox" checked={values[v]?.verified ?? false} onChange={(e) => setValues((x) => ({ ...x, [v]: { itemId: x[v]?.itemId ?? '', verified: e.target.checked } }))} /> {t('mapping.verified', { value: v })}
                </label>
              )}
            </div>
          ))}
        </>
      )}
      <div className="panel-row">
        <button type="submit" className="button primary" disabled={!header || !name.trim() || !subject}>
          {t('mapping.save')}
        </button>
        <button type="button" className="button ghost" onClick={props.onCancel}>
          {t('mapping.cancel')}
        </button>
      </div>
    </form>
  );
}
