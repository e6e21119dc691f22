import { useState } from 'react';
import type { WhatIfAnswer } from '../../../../device/admin/schemeCalls';
import type { HeldScheme } from '../../../../device/admin/adminApi';
import { formatPoints } from '../../../format/formatPoints';
import { ActMessage } from '../ActMessage';
import { useAdmin } from '../AdminContext';
import { useAct } from '../useAct';
import { useAdminWords } from '../useAdminWords';

type Side = WhatIfAnswer['subjects'][number]['real'];

/**
 * Before a new version takes effect: last month's real results beside the results under a chosen version, subject
 * by subject, with the items whose points moved (the server's what-if, core compareResults). Subjects that moved come
 * first; the findings the version would not score are counted with their reason.
 */
export function WhatIfView({ id, versions }: { id: string; versions: readonly HeldScheme[] }) {
  const { t } = useAdminWords();
  const { api } = useAdmin();
  const act = useAct();
  const [version, setVersion] = useState(String(versions[versions.length - 1]?.version ?? 1));
  const [answer, setAnswer] = useState<WhatIfAnswer | null>(null);
  const run = (): void => {
    setAnswer(null);
    void act.run(async () => {
      setAnswer(await api.whatIf(id, Number(version)));
      return '';
    });
  };
  const side = (s: Side): string => (s ? (s.gradeName ? t('whatIf.withGrade', { total: s.total, grade: s.gradeName }) : String(s.total)) : '—');
  const subjects = answer ? [...answer.subjects].sort((a, b) => Number(b.delta !== 0 || b.moved.length > 0) - Number(a.delta !== 0 || a.moved.length > 0)) : [];
  const reasons = answer ? [...new Set(answer.whatIf.notScored.map((n) => n.reason ?? ''))].filter(Boolean) : [];
  return (
    <div className="what-if">
      <div className="admin-inline-form">
        <label>
          <span>{t('whatIf.version')}</span>
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((s) => (
              <option key={s.version} value={s.version}>
                v{s.version}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={act.busy} onClick={run}>
          {act.busy ? t('whatIf.running') : t('whatIf.run')}
        </button>
      </div>
      {act.message?.text ? <ActMessage message={act.message} /> : null}
      {answer && (
        <>
          <p role="status">
            {t('whatIf.summary', { period: answer.period.key, real: answer.real.version, version: answer.whatIf.version, rule: t(`whatIf.rules.${answer.real.rule}`, { defaultValue: answer.real.rule }) })}
            {answer.whatIf.notScored.length > 0 &&
              ` ${t('whatIf.notScored', { count: answer.whatIf.notScored.length, reasons: reasons.map((r) => t(`whatIf.reasons.${r}`, { defaultValue: r })).join(t('common.separator')) })}`}
          </p>
          {subjects.length === 0 ? (
            <p className="muted">{t('whatIf.empty')}</p>
          ) : (
            <table className="admin-table" aria-label={t('whatIf.table', { version: answer.whatIf.version })}>
              <thead>
                <tr>
                  <th>{t('whatIf.subject')}</th>
                  <th className="num">{t('whatIf.real', { version: answer.real.version })}</th>
                  <th className="num">{t('whatIf.under', { version: answer.whatIf.version })}</th>
                  <th className="num">{t('whatIf.delta')}</th>
                  <th>{t('whatIf.moved')}</th>
                </tr>
              </thead>
              <tbody>
                {subjects.map((s) => (
                  <tr key={`${s.subject}:${s.subjectId}`}>
                    <td>
                      {s.name} <small className="muted">{t(`schemes.levels.${s.subject}`)}</small>
                    </td>
                    <td className="num">{side(s.real)}</td>
                    <td className="num">{side(s.whatIf)}</td>
                    <td className="num">{formatPoints(s.delta)}</td>
                    <td>
                      {s.moved.length === 0
                        ? '—'
                        : s.moved.map((m) => (
                            <div key={m.itemId}>{t('whatIf.item', { name: m.itemName, real: formatPoints(m.real), whatIf: formatPoints(m.whatIf) })}</div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
