import { useState } from 'react';
import { refOf } from '../../../core/ledger/findSubject';
import { ledgerDate, monthEntryDate } from '../../../core/ledger/ledgerDate';
import { ledgerValueKind, readLedgerValue } from '../../../core/ledger/ledgerValue';
import type { RosterIndex } from '../../../core/model/rosterIndex';
import type { Scheme } from '../../../core/scheme/parseScheme';
import type { LoggedFinding } from '../../../device/loggedFinding';
import type { PreparedPhoto } from '../../../device/photos/preparedPhoto';
import type { FindingDraft } from '../../../device/recordFinding';
import { useServices } from '../../services/useServices';
import { PhotoThumb } from '../patrol/PhotoThumb';
import { useReasonWords } from '../../services/useReasonWords';
import { CellEntries } from './CellEntries';
import { valueHint } from './deskWords';
import type { OpenCell } from './LedgerGrid';
import { useDeskWords } from './useDeskWords';
import { useLedgerWriter } from './useLedgerWriter';
import { valueProblemWords } from './valueProblemWords';

/**
 * Enter a value for one subject and item of the month: the value as the item's rule asks (a count, days, a level…),
 * the day it happened (the month's last day by default), its source reference (required), a note and photos. Saved
 * as the account's recordings, checked by the core first; anything refused keeps what was typed.
 */
export function EntryForm({ scheme, cell, month, index, existing, onDone }: { scheme: Scheme; cell: OpenCell; month: string; index: RosterIndex; existing: readonly LoggedFinding[]; onDone: (count: number) => void }) {
  const { t, tApp } = useDeskWords();
  const { device, hall, preparePhoto } = useServices();
  const words = useReasonWords();
  const write = useLedgerWriter();
  const { item, subject } = cell;
  const kind = ledgerValueKind(item.rule);
  const [value, setValue] = useState('');
  const [day, setDay] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timeZone = hall.setup.roster.hall.timeZone;
  const [y, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y ?? 2000, m ?? 1, 0)).getUTCDate();

  const save = async (): Promise<void> => {
    const now = device.clock().toISOString();
    const read = readLedgerValue(item.rule, value);
    if (!read.ok) return setError(valueProblemWords(read.problems, t, tApp('list.separator')));
    if (read.inputs.length === 0) return setError(t('value.required'));
    const when = day ? ledgerDate(day, month, timeZone, now) : null;
    if (when && !when.ok) return setError(t(`problem.date.${when.problem}`, { text: day, month }));
    const observedAt = when?.ok ? when.at : monthEntryDate(month, timeZone, now);
    if (!observedAt) return setError(t('problem.date.future', { text: month, month }));
    if (!source.trim()) return setError(t('problem.source-missing'));
    const drafts: FindingDraft[] = read.inputs.map((inputs, i) => ({
      schemeId: scheme.id,
      schemeVersion: scheme.version,
      itemId: item.id,
      ...refOf(index, subject.kind, subject.id),
      inputs,
      note,
      sourceRef: source,
      observedAt,
      // The attachments go with the first entry of a count (they are the evidence of the ledger page, once).
      photos: i === 0 ? photos : [],
    }));
    setBusy(true);
    const outcome = await write(drafts);
    setBusy(false);
    if (outcome.kind === 'saved') return onDone(outcome.count);
    if (outcome.kind === 'refused') return setError(t('entry.refused', { reason: words.refusal(outcome.refusals[0]?.refusal ?? { kind: 'amendment-empty' }) }));
    setError(outcome.kind === 'storage-full' ? t('entry.storageFull') : t('entry.failed'));
  };

  const title = t('entry.title', { item: item.name, subject: subject.name });
  return (
    <aside className="panel desk-entry" role="dialog" aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="button close" aria-label={t('entry.cancel')} onClick={() => onDone(0)}>
          ×
        </button>
      </header>
      <div className="panel-body">
        <p className="muted">{t('entry.clause', { clause: item.clause, text: item.text })}</p>
        {existing.length > 0 && <CellEntries item={item} entries={existing} />}
        <label className="field">
          <span>
            {t('entry.value')}（{kind === 'count' ? t('entry.countHint') : valueHint(item, t)}）
          </span>
          {item.rule.kind === 'levels' ? (
            <select value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">{t('entry.levelChoose')}</option>
              {item.rule.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          ) : (
            <input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </label>
        <label className="field">
          <span>{t('entry.date')}</span>
          <input type="date" value={day} min={`${month}-01`} max={`${month}-${String(lastDay).padStart(2, '0')}`} onChange={(e) => setDay(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('entry.source')}</span>
          <input type="text" value={source} placeholder={t('entry.sourceHint')} onChange={(e) => setSource(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('entry.note')}</span>
          <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="evidence-row">
          <label className="button secondary">
            {t('entry.attach')}
            <input
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              aria-label={t('entry.attach')}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                for (const file of files) preparePhoto(file).then((p) => setPhotos((x) => (x.some((q) => q.hash === p.hash) ? x : [...x, p])), () => setError(tApp('errors.photo-failed')));
              }}
            />
          </label>
          {photos.map((p, i) => (
            <PhotoThumb key={p.hash} blob={p.blob} alt={tApp('evidence.photoN', { n: i + 1 })} />
          ))}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="panel-row">
          <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
            {t('entry.save')}
          </button>
          <button type="button" className="button ghost" onClick={() => onDone(0)}>
            {t('entry.cancel')}
          </button>
        </div>
      </div>
    </aside>
  );
}
