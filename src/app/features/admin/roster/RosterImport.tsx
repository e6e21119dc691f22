import { useState } from 'react';
import { ulid } from 'ulid';
import { importRoster } from '../../../../core/model/rosterImport';
import type { RosterImportProblem } from '../../../../core/model/rosterImport';
import type { HallSetup } from '../../../../core/model/hallSetup';
import type { Roster } from '../../../../core/model/roster';
import { hallDay } from '../../../../core/time/hallDay';
import { ActMessage } from '../ActMessage';
import { useAct } from '../useAct';
import { useAdminWords } from '../useAdminWords';
import { importProblemText } from './importProblemText';
import type { RosterFileProblem } from './rosterColumns';
import { readRosterFile } from './readRosterFile';
import { rosterTemplateCsv, rosterTemplateXlsx } from './rosterTemplate';

type Preview = { file: string; problems: (RosterImportProblem | RosterFileProblem)[]; roster?: Roster; rows: number };

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Import staff and chiefs from an .xlsx or CSV file: a template to download, a preview of what the file makes of the
 * roster, and every refused row with its number. All or nothing: a file with any problem changes nothing.
 */
export function RosterImport({ setup, onImport }: { setup: HallSetup; onImport: (roster: Roster) => Promise<void> }) {
  const { t } = useAdminWords();
  const act = useAct();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const words = { sheet: t('import.sheet'), header: [t('import.columns.unit'), t('import.columns.name'), t('import.columns.role'), t('import.columns.window')], staff: t('import.staff'), chief: t('import.chief') };
  const choose = async (file: File): Promise<void> => {
    setReading(true);
    act.say(null);
    try {
      const read = await readRosterFile(file);
      if ('problem' in read) return setPreview({ file: file.name, problems: [read.problem], rows: 0 });
      const today = hallDay(Date.now(), setup.roster.hall.timeZone);
      const made = importRoster(setup.roster, read.rows, { newId: (kind) => `${kind === 'staff' ? 's' : 'c'}-${ulid().toLowerCase()}`, used: new Set(), today });
      setPreview({ file: file.name, problems: made.problems, roster: made.roster, rows: read.rows.length });
    } finally {
      setReading(false);
    }
  };
  const before = setup.roster;
  const after = preview?.roster;
  const kept = after ? after.staff.filter((s) => before.staff.some((b) => b.id === s.id) && !s.left).length : 0;
  const added = after ? after.staff.filter((s) => !before.staff.some((b) => b.id === s.id)).length : 0;
  const gone = after ? before.staff.filter((b) => !after.staff.some((s) => s.id === b.id)).length : 0;
  return (
    <section className="admin-form" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('import.heading')}</h3>
      <p className="muted">{t('import.intro')}</p>
      <div className="floor-toolbar">
        <button type="button" className="button" onClick={() => void rosterTemplateXlsx(before, words).then((b) => download(b, t('import.templateFile') + '.xlsx'))}>
          {t('import.templateXlsx')}
        </button>
        <button type="button" className="button" onClick={() => void rosterTemplateCsv(before, words).then((b) => download(b, t('import.templateFile') + '.csv'))}>
          {t('import.templateCsv')}
        </button>
        <label className="button secondary">
          {reading ? t('import.reading') : t('import.choose')}
          <input
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="visually-hidden"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void choose(f);
            }}
          />
        </label>
      </div>
      {preview && preview.problems.length > 0 && (
        <div className="admin-problems" role="alert">
          <p>{t('import.refused', { file: preview.file, count: preview.problems.length })}</p>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>{importProblemText(t, p)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && after && preview.problems.length === 0 && (
        <div className="import-preview">
          <p>{t('import.ready', { file: preview.file, rows: preview.rows, added, kept, gone, chiefs: after.chiefs.length })}</p>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{t('import.columns.unit')}</th>
                <th>{t('import.columns.name')}</th>
                <th>{t('import.columns.role')}</th>
                <th>{t('import.columns.window')}</th>
              </tr>
            </thead>
            <tbody>
              {[...after.chiefs.map((c) => ({ ...c, chief: true, windowId: undefined as string | undefined })), ...after.staff.filter((s) => !s.left).map((s) => ({ ...s, chief: false }))].map((p) => (
                <tr key={p.id}>
                  <td>{after.units.find((u) => u.id === p.unitId)?.name}</td>
                  <td>{p.name}</td>
                  <td>{p.chief ? t('import.chief') : t('import.staff')}</td>
                  <td>{after.windows.find((w) => w.id === p.windowId)?.number ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="floor-toolbar">
            <button
              type="button"
              className="button primary"
              disabled={act.busy}
              onClick={() =>
                void act
                  .run(async () => {
                    await onImport(after);
                    return t('import.done', { file: preview.file });
                  })
                  .then((ok) => ok && setPreview(null))
              }
            >
              {t('import.apply')}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ActMessage message={act.message} />
    </section>
  );
}
