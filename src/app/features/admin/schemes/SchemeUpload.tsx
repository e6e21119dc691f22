import { useState } from 'react';
import { AdminFailure } from '../../../../device/admin/adminTransport';
import type { ServerProblem } from '../../../../device/admin/adminTransport';
import { ActMessage } from '../ActMessage';
import { useAdmin } from '../AdminContext';
import { useAct } from '../useAct';
import { useAdminWords } from '../useAdminWords';

/** A scheme file's error as the server gives it (docs/admin-api.md): where it is, what is wrong, what is expected. */
interface SchemeFileError {
  file: string;
  line: number | null;
  itemId: string | null;
  path: string;
  message: string;
  expected: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The server's problems of kind `scheme` (a refusal of another kind has none: it is worded as a failure). */
function schemeErrors(problems: readonly ServerProblem[]): SchemeFileError[] {
  return problems
    .filter((p) => p.kind === 'scheme')
    .map((p) => ({ file: text(p.file), line: typeof p.line === 'number' ? p.line : null, itemId: typeof p.itemId === 'string' ? p.itemId : null, path: text(p.path), message: text(p.message), expected: text(p.expected) }));
}

/**
 * Upload a scheme file (YAML or JSON) to the hall: the server checks it with the build's validator and keeps it as a
 * new version, or refuses it whole — every error listed here with its file, line, item, field and what is expected
 * (the validator's own words), nothing changed. A held version is never replaced: a changed scheme is a new version.
 */
export function SchemeUpload() {
  const { t } = useAdminWords();
  const { api, reload } = useAdmin();
  const act = useAct();
  const [refused, setRefused] = useState<{ file: string; errors: SchemeFileError[] } | null>(null);
  const choose = (file: File): void => {
    setRefused(null);
    void act.run(async () => {
      try {
        const s = await api.uploadScheme(file, file.name);
        await reload();
        return t('upload.done', { title: s.title, version: s.version, count: s.items });
      } catch (err) {
        const errors = err instanceof AdminFailure ? schemeErrors(err.problems) : [];
        if (errors.length === 0) throw err;
        setRefused({ file: file.name, errors });
        return '';
      }
    });
  };
  return (
    <section className="admin-form" aria-labelledby="upload-heading">
      <h3 id="upload-heading">{t('upload.heading')}</h3>
      <p className="muted">{t('upload.intro')}</p>
      <div className="floor-toolbar">
        <label className="button secondary">
          {act.busy ? t('upload.checking') : t('upload.choose')}
          <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
            className="visually-hidden"
            disabled={act.busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) choose(f);
            }}
          />
        </label>
      </div>
      {refused && (
        <div className="admin-problems" role="alert">
          <p>{t('upload.refused', { file: refused.file, count: refused.errors.length })}</p>
          <table className="admin-table scheme-errors">
            <thead>
              <tr>
                <th>{t('upload.file')}</th>
                <th>{t('upload.line')}</th>
                <th>{t('upload.item')}</th>
                <th>{t('upload.field')}</th>
                <th>{t('upload.problem')}</th>
                <th>{t('upload.expected')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.file}</td>
                  <td className="num">{e.line ?? '—'}</td>
                  <td>{e.itemId ?? '—'}</td>
                  <td>
                    <code>{e.path || '—'}</code>
                  </td>
                  <td>{e.message}</td>
                  <td>{e.expected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {act.message?.text ? <ActMessage message={act.message} /> : null}
    </section>
  );
}
