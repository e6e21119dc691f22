import { useState } from 'react';
import type { RosterIndex } from '../../../core/model/rosterIndex';
import { alreadyRecorded } from '../../../core/ledger/alreadyRecorded';
import type { LedgerMapping } from '../../../core/ledger/ledgerMapping';
import type { SheetText } from '../../../core/ledger/ledgerSheets';
import { readLedgerImport } from '../../../core/ledger/readLedgerImport';
import { mappingFits, readMappedImport } from '../../../core/ledger/readMappedImport';
import { sheetHeader } from '../../../core/ledger/sheetHeader';
import { hallDay } from '../../../core/time/hallDay';
import type { ImportProblem, LedgerEntry } from '../../../core/ledger/readLedgerImport';
import type { FindingDraft } from '../../../device/recordFinding';
import { useServices } from '../../services/useServices';
import { useReasonWords } from '../../services/useReasonWords';
import type { DeskScheme } from './deskScheme';
import { deskTemplateWords, HELP_SHEETS, importWords, TOTALS } from './deskWords';
import { importProblemWords, whereWords } from './importProblemWords';
import { useDeskWords } from './useDeskWords';
import { useLedgerWriter } from './useLedgerWriter';
import { ledgerTemplate } from './files/ledgerTemplate';
import { readLedgerFile } from './files/readLedgerFile';
import { MappingForm } from './MappingForm';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'unreadable'; message: string }
  /** A file that is not the template and that no saved mapping reads: the office says how to read it. */
  | { kind: 'mapping'; file: string; sheets: SheetText[]; initial?: LedgerMapping | undefined }
  | { kind: 'read'; entries: LedgerEntry[]; problems: ImportProblem[]; mapped?: Mapped }
  | { kind: 'done'; count: number };

/** A raw export read with a mapping (kept to edit the mapping and read again). */
type Mapped = { mapping: LedgerMapping; file: string; sheets: SheetText[] };

/**
 * Import a month from .xlsx or .csv: the scheme's template (generated here), or a raw export of another system read
 * with a mapping the office makes once per source (remembered on this device). Every row is read and checked (the
 * core's readers, then checkEvent for each entry) and shown — the entries to be recorded, or every problem with its
 * sheet, row and column. Only a file without problems can be imported, and then all of it at once (one transaction);
 * entries already recorded from the same source are refused, so a file imported twice counts once.
 */
export function ImportPanel({ desk, month, index, offices, recorded }: { desk: DeskScheme; month: string; index: RosterIndex; offices: readonly string[]; recorded: ReadonlySet<string> }) {
  const { t, tApp } = useDeskWords();
  const { device, hall } = useServices();
  const words = useReasonWords();
  const write = useLedgerWriter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [defaultSource, setDefaultSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const schemeName = desk.scheme.title;

  const downloadTemplate = async (): Promise<void> => {
    const bytes = await ledgerTemplate({
      items: desk.items,
      subjects: Object.fromEntries(desk.groups.map((g) => [g.kind, g.subjects])),
      words: deskTemplateWords(t, tApp, schemeName, offices, month),
    });
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('import.templateName', { scheme: schemeName, month });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const timeZone = hall.setup.roster.hall.timeZone;
  const checked = (r: { entries: LedgerEntry[]; problems: ImportProblem[] }, mapped?: Mapped): Phase => {
    const problems = r.problems.length > 0 ? r.problems : alreadyRecorded(r.entries, recorded);
    return mapped ? { kind: 'read', entries: r.entries, problems, mapped } : { kind: 'read', entries: r.entries, problems };
  };
  const readMapped = (m: Mapped, source: string): Phase =>
    checked(
      readMappedImport(m.sheets, m.mapping, { items: desk.items, index, month, timeZone, now: device.clock().toISOString(), defaultSource: source.trim() || m.file, totals: TOTALS }),
      m,
    );

  const read = async (f: File, source: string): Promise<void> => {
    setPhase({ kind: 'reading' });
    try {
      const sheets = await readLedgerFile(f);
      const words = importWords();
      const template = sheets.some((sh) => !HELP_SHEETS.includes(sh.name) && words.subject.some((w) => sheetHeader(sh.rows, w)));
      if (template) {
        const r = readLedgerImport(sheets, { items: desk.items, index, month, timeZone, now: device.clock().toISOString(), words, defaultSource: source.trim() || undefined, skipSheets: HELP_SHEETS });
        setPhase(checked(r));
        return;
      }
      const mapping = (await device.ledgerMappings(desk.scheme.id)).find((m) => mappingFits(sheets, m));
      setPhase(mapping ? readMapped({ mapping, file: f.name, sheets }, source) : { kind: 'mapping', file: f.name, sheets });
    } catch (err) {
      setPhase({ kind: 'unreadable', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const saveMapping = async (m: LedgerMapping, file: string, sheets: SheetText[]): Promise<void> => {
    await device.saveLedgerMapping(m);
    setPhase(readMapped({ mapping: m, file, sheets }, defaultSource));
  };

  const confirm = async (entries: LedgerEntry[]): Promise<void> => {
    const drafts: FindingDraft[] = entries.map((e) => {
      const d: FindingDraft = { schemeId: desk.scheme.id, schemeVersion: desk.scheme.version, itemId: e.itemId, ...e.ref, inputs: e.inputs, sourceRef: e.sourceRef, observedAt: e.observedAt, photos: [] };
      if (e.note) d.note = e.note;
      return d;
    });
    const outcome = await write(drafts);
    if (outcome.kind === 'saved') setPhase({ kind: 'done', count: outcome.count });
    else if (outcome.kind === 'refused') {
      const problems: ImportProblem[] = outcome.refusals.map((r) => ({ kind: 'refused', at: entries[r.index]?.at ?? { sheet: '', row: 0 }, refusal: r.refusal }));
      setPhase({ kind: 'read', entries, problems });
    } else setPhase({ kind: 'unreadable', message: outcome.kind === 'storage-full' ? t('entry.storageFull') : t('entry.failed') });
  };

  const itemName = (id: string): string => desk.items.find((i) => i.id === id)?.name ?? id;
  const subjectName = (e: LedgerEntry): string => index.find(e.subject.kind, e.subject.id)?.name ?? e.subject.id;
  const valueText = (e: LedgerEntry): string => {
    const i = e.inputs;
    const rule = desk.items.find((x) => x.id === e.itemId)?.rule;
    if (i.level !== undefined) return (rule?.kind === 'levels' ? rule.levels.find((l) => l.id === i.level)?.name : undefined) ?? i.level;
    return i.errors !== undefined ? `${i.errors}/${i.total ?? ''}` : String(i.quantity ?? i.amount ?? 1);
  };
  return (
    <section className="desk-import" aria-label={t('import.title')}>
      <h3>{t('import.title')}</h3>
      <div className="panel-row">
        <button type="button" className="button secondary" onClick={() => void downloadTemplate()}>
          {t('import.template', { scheme: schemeName })}
        </button>
        <label className="button secondary">
          {t('import.choose')}
          <input
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="visually-hidden"
            aria-label={t('import.choose')}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (!f) return;
              setFile(f);
              const source = defaultSource || f.name;
              setDefaultSource(source);
              void read(f, source);
            }}
          />
        </label>
        <label className="field inline">
          <span>{t('import.defaultSource')}</span>
          <input type="text" value={defaultSource} onChange={(e) => setDefaultSource(e.target.value)} onBlur={() => file && void read(file, defaultSource)} />
        </label>
      </div>
      {phase.kind === 'reading' && <p role="status">{t('import.reading')}</p>}
      {phase.kind === 'unreadable' && <p role="alert">{t('import.unreadable', { message: phase.message })}</p>}
      {phase.kind === 'done' && <p role="status">{t('import.done', { count: phase.count })}</p>}
      {phase.kind === 'mapping' && (
        <MappingForm
          schemeId={desk.scheme.id}
          fileName={phase.file}
          sheets={phase.sheets}
          items={desk.items}
          initial={phase.initial}
          onSave={(m) => void saveMapping(m, phase.file, phase.sheets).catch(() => setPhase({ kind: 'unreadable', message: t('entry.failed') }))}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      )}
      {phase.kind === 'read' && phase.mapped && (
        <p className="panel-row">
          <span>{t('mapping.using', { name: phase.mapped.mapping.name })}</span>
          <button type="button" className="button ghost" onClick={() => phase.mapped && setPhase({ kind: 'mapping', file: phase.mapped.file, sheets: phase.mapped.sheets, initial: phase.mapped.mapping })}>
            {t('mapping.edit')}
          </button>
        </p>
      )}
      {phase.kind === 'read' && phase.problems.length > 0 && (
        <div role="alert">
          <p>{t('import.problems', { count: phase.problems.length })}</p>
          <table className="import-problems">
            <thead>
              <tr>
                <th scope="col">{t('import.col.row')}</th>
                <th scope="col">{t('import.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {phase.problems.map((p, i) => (
                <tr key={i}>
                  <td>{'at' in p ? whereWords(p.at, t) : ''}</td>
                  <td>{importProblemWords(p, t, tApp, words.refusal, itemName)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {phase.kind === 'read' && phase.problems.length === 0 && (
        <div>
          <p>{t('import.preview', { count: phase.entries.length, rows: new Set(phase.entries.map((e) => `${e.at.sheet}/${e.at.row}`)).size })}</p>
          <table className="import-preview">
            <thead>
              <tr>
                {(['row', 'subject', 'item', 'value', 'date', 'source'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`import.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {phase.entries.map((e, i) => (
                <tr key={i}>
                  <td>{whereWords(e.at, t)}</td>
                  <td>{subjectName(e)}</td>
                  <td>{itemName(e.itemId)}</td>
                  <td>{valueText(e)}</td>
                  <td>{hallDay(e.observedAt, timeZone)}</td>
                  <td>{e.sourceRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button primary" onClick={() => void confirm(phase.entries)}>
            {t('import.confirm', { count: phase.entries.length })}
          </button>
        </div>
      )}
    </section>
  );
}
