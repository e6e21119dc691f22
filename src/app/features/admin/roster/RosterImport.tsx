import { useState } from 'react';
import type { Roster } from '../../../../core/model/roster';
import type { RosterImportAnswer } from '../../../../device/admin/rosterFileCalls';
import { rosterFileType } from '../../../../device/admin/rosterFileCalls';
import { AdminFailure } from '../../../../device/admin/adminTransport';
import type { ServerProblem } from '../../../../device/admin/adminTransport';
import { ActMessage } from '../ActMessage';
import { useAdmin } from '../AdminContext';
import { useAct } from '../useAct';
import { useAdminWords } from '../useAdminWords';
import { importProblemText } from './importProblemText';
import { ImportPreview } from './ImportPreview';

/** A file the server checked: refused with its problems, or ready with what importing it would do. */
type Checked = { file: File; type: string; problems: readonly ServerProblem[] } | { file: File; type: string; answer: RosterImportAnswer & { roster: Roster } };

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Import staff and chiefs from an .xlsx or CSV file through the server (docs/admin-api.md): a template of the hall's
 * units to download, then the file checked whole there (every refused row by its number; people with findings who
 * are missing from the file marked as left, said before saving), and saved only when the admin confirms. All or
 * nothing: a file with any problem changes nothing.
 */
export function RosterImport({ roster }: { roster: Roster }) {
  const { t, failure } = useAdminWords();
  const { api, reload } = useAdmin();
  const act = useAct();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [reading, setReading] = useState(false);
  const choose = async (file: File): Promise<void> => {
    act.say(null);
    const type = rosterFileType(file.name);
    if (!type) return setChecked({ file, type: '', problems: [{ kind: 'format' }] });
    setReading(true);
    try {
      const answer = await api.importRoster(file, type, false);
      if (!answer.roster) throw new AdminFailure('protocol', 'the preview carries no roster');
      setChecked({ file, type, answer: { ...answer, roster: answer.roster } });
    } catch (err) {
      setChecked(null);
      if (err instanceof AdminFailure && err.problems.length > 0) setChecked({ file, type, problems: err.problems });
      else act.say({ ok: false, text: failure(err) });
    } finally {
      setReading(false);
    }
  };
  const template = (format: 'xlsx' | 'csv'): void => {
    void act.run(async () => {
      download(await api.rosterTemplate(format), `${t('import.templateFile')}.${format}`);
      return '';
    });
  };
  const apply = (c: Extract<Checked, { answer: unknown }>): void => {
    void act
      .run(async () => {
        const saved = await api.importRoster(c.file, c.type, true);
        await reload();
        const left = saved.effects.filter((e) => e.kind === 'staff-left').length;
        return left ? t('import.doneLeft', { file: c.file.name, count: left }) : t('import.done', { file: c.file.name });
      })
      .then((ok) => ok && setChecked(null));
  };
  return (
    <section className="admin-form" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('import.heading')}</h3>
      <p className="muted">{t('import.intro')}</p>
      <div className="floor-toolbar">
        <button type="button" className="button" onClick={() => template('xlsx')}>
          {t('import.templateXlsx')}
        </button>
        <button type="button" className="button" onClick={() => template('csv')}>
          {t('import.templateCsv')}
        </button>
        <label className="button secondary">
          {reading ? t('import.reading') : t('import.choose')}
          <input
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="visually-hidden"
            disabled={reading}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void choose(f);
            }}
          />
        </label>
      </div>
      {checked && 'problems' in checked && (
        <div className="admin-problems" role="alert">
          <p>{t('import.refused', { file: checked.file.name, count: checked.problems.length })}</p>
          <ul>
            {checked.problems.map((p, i) => (
              <li key={i}>{importProblemText(t, p, checked.file.name, roster)}</li>
            ))}
          </ul>
        </div>
      )}
      {checked && 'answer' in checked && (
        <ImportPreview file={checked.file.name} answer={checked.answer} before={roster} busy={act.busy} onApply={() => apply(checked)} onCancel={() => setChecked(null)} />
      )}
      {act.message?.text ? <ActMessage message={act.message} /> : null}
    </section>
  );
}
