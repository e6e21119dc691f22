import { useEffect, useMemo, useState } from 'react';
import { indexRoster } from '../../../core/model/rosterIndex';
import { useLog } from '../../services/useLog';
import { useServices } from '../../services/useServices';
import { deskSchemes } from './deskScheme';
import { EntryForm } from './EntryForm';
import { ImportPanel } from './ImportPanel';
import { LedgerGrid } from './LedgerGrid';
import type { OpenCell } from './LedgerGrid';
import { cellKey, monthEntries, recordedKeys } from './monthEntries';
import { useDeskWords } from './useDeskWords';
import './desk.css';

/**
 * The office's ledger desk (lazily loaded: only an office account opens it). Pick a month and a scheme; the ledger items the account's offices own, as grids of subjects × items; a cell opens
 * the entry form; below, the import from .xlsx. Entries are the account's recordings on this device, synced like a
 * tablet's (offline too).
 */
export function DeskView() {
  const { t, tApp } = useDeskWords();
  const { schemes, account, hall, device } = useServices();
  const offices = useMemo(() => account?.offices ?? [], [account]);
  const index = useMemo(() => indexRoster(hall.setup.roster), [hall]);
  const desks = useMemo(() => deskSchemes(schemes.map((s) => s.scheme), offices, index), [schemes, offices, index]);
  const thisMonth = device.today().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const [schemeId, setSchemeId] = useState(desks[0]?.scheme.id ?? '');
  const [open, setOpen] = useState<OpenCell | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const log = useLog();
  // The log holds the year so far once the app has started; an earlier month is read in when picked.
  useEffect(() => {
    void device.loadFrom(`${month}-01`);
  }, [device, month]);
  const desk = desks.find((d) => d.scheme.id === schemeId) ?? desks[0];
  const entries = useMemo(() => (desk ? monthEntries(log.findings, desk.scheme.id, desk.items, month, index) : new Map()), [desk, log, month, index]);
  const recorded = useMemo(() => (desk ? recordedKeys(log.findings, desk.scheme.id, desk.items, month, index) : new Set<string>()), [desk, log, month, index]);

  if (offices.length === 0) return <p className="desk">{t('noOffices')}</p>;
  if (!desk) return <p className="desk">{t('noItems')}</p>;
  return (
    <section className="desk" aria-labelledby="desk-heading">
      <h2 id="desk-heading">{t('title')}</h2>
      <p className="muted">{t('intro', { offices: offices.join(tApp('list.separator')) })}</p>
      <div className="panel-row desk-pick">
        <label className="field inline">
          <span>{t('month')}</span>
          <input type="month" value={month} max={thisMonth} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        <div className="tabs" role="tablist" aria-label={t('scheme')}>
          {desks.map((d) => (
            <button key={d.scheme.id} type="button" role="tab" className="tab" aria-selected={d === desk} onClick={() => setSchemeId(d.scheme.id)}>
              {d.scheme.title}
            </button>
          ))}
        </div>
      </div>
      {flash && (
        <p role="status" className="desk-flash">
          {flash}
        </p>
      )}
      {desk.groups.map((g) => (
        <LedgerGrid key={g.kind} schemeName={desk.scheme.title} kind={g.kind} items={g.items} allItems={desk.items} subjects={g.subjects} month={month} entries={entries} onOpen={setOpen} />
      ))}
      <ImportPanel key={`${desk.scheme.id}/${month}`} desk={desk} month={month} index={index} offices={offices} recorded={recorded} />
      {open && (
        <EntryForm
          key={cellKey(open.item.id, open.subject.id)}
          scheme={desk.scheme}
          cell={open}
          month={month}
          index={index}
          existing={entries.get(cellKey(open.item.id, open.subject.id)) ?? []}
          onDone={(count) => {
            setOpen(null);
            setFlash(count > 0 ? t('entry.saved', { count }) : null);
          }}
        />
      )}
    </section>
  );
}
