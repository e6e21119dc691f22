import { useEffect, useMemo, useState } from 'react';
import { scheduleProblems } from '../../../core/versions/schemeSchedule';
import type { ScheduleProblem } from '../../../core/versions/schemeSchedule';
import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import type { HeldScheme } from '../../../device/admin/adminApi';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { assignmentsOf, LEVELS, planOf } from './schemePlan';
import { SchemeUpload } from './schemes/SchemeUpload';
import { WhatIfView } from './schemes/WhatIfView';
import type { SchemePlan } from './schemePlan';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

/**
 * Which scheme applies to staff, windows, units and chiefs, and which of its versions is in force from which day
 * (docs/scheme-versions.md); the schedule is checked by the core (scheduleProblems) as it is edited.
 */
export function SchemesSection() {
  const { t } = useAdminWords();
  const { hall, saveHall } = useAdmin();
  const act = useAct();
  const [plan, setPlan] = useState<SchemePlan | null>(hall ? planOf(hall.setup.schemes) : null);
  const [adding, setAdding] = useState<Record<string, { version: string; from: string }>>({});
  useEffect(() => setPlan(hall ? planOf(hall.setup.schemes) : null), [hall]);
  const held = useMemo(() => hall?.schemes ?? [], [hall]);
  const assignments = useMemo(() => (plan ? assignmentsOf(plan) : []), [plan]);
  const problems = useMemo(
    () =>
      scheduleProblems(assignments, (id, version) => {
        const h = held.find((s) => s.id === id && s.version === version);
        return h && { period: h.period, subjects: h.subjects };
      }),
    [assignments, held],
  );
  if (!plan || !hall) return <p>{t('common.loading')}</p>;
  const ids = [...new Set(held.map((s) => s.id))];
  const titleOf = (id: string): string => held.filter((s) => s.id === id).sort((a, b) => b.version - a.version)[0]?.title ?? id;
  const versionsOf = (id: string): HeldScheme[] => held.filter((s) => s.id === id).sort((a, b) => a.version - b.version);
  const inUse = [...new Set(LEVELS.map((l) => plan.levels[l]).filter((x): x is string => x !== null))];
  const setLevel = (level: SubjectKind, id: string): void => {
    const versions = { ...plan.versions };
    const newest = versionsOf(id).pop();
    if (id && !versions[id]?.length && newest) versions[id] = [{ version: newest.version }];
    setPlan({ levels: { ...plan.levels, [level]: id || null }, versions });
  };
  const changed = JSON.stringify(assignments) !== JSON.stringify(hall.setup.schemes);
  const save = (): void => {
    void act.run(async () => {
      await saveHall({ ...hall.setup, schemes: assignments });
      return `${t('common.saved')}。${t('schemes.saveNote')}`;
    });
  };
  return (
    <section className="admin-section" aria-labelledby="schemes-heading">
      <h2 id="schemes-heading">{t('schemes.heading')}</h2>
      <p className="muted">{t('schemes.intro')}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('schemes.level')}</th>
            <th>{t('schemes.scheme')}</th>
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((level) => (
            <tr key={level}>
              <td>{t(`schemes.levels.${level}`)}</td>
              <td>
                <select aria-label={t('schemes.schemeFor', { level: t(`schemes.levels.${level}`) })} value={plan.levels[level] ?? ''} onChange={(e) => setLevel(level, e.target.value)}>
                  <option value="">{t('schemes.none')}</option>
                  {ids
                    .filter((id) => held.some((s) => s.id === id && s.subjects.includes(level)))
                    .map((id) => (
                      <option key={id} value={id}>
                        {titleOf(id)}
                      </option>
                    ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {inUse.map((id) => {
        const lines = [...(plan.versions[id] ?? [])].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
        const add = adding[id] ?? { version: String(versionsOf(id).pop()?.version ?? 1), from: '' };
        const setLines = (next: SchemePlan['versions'][string]): void => setPlan({ ...plan, versions: { ...plan.versions, [id]: next } });
        return (
          <section key={id} className="admin-form" aria-label={t('schemes.versionsOf', { title: titleOf(id) })}>
            <h3>{t('schemes.versionsOf', { title: titleOf(id) })}</h3>
            <ul className="scheme-versions">
              {lines.map((v) => (
                <li key={`${v.version}@${v.from ?? ''}`}>
                  <span>{v.from ? t('schemes.versionFrom', { version: v.version, from: v.from }) : t('schemes.versionAlways', { version: v.version })}</span>
                  <button type="button" className="button" disabled={lines.length === 1} onClick={() => setLines(lines.filter((x) => x !== v))}>
                    {t('common.remove')}
                  </button>
                </li>
              ))}
            </ul>
            <div className="admin-inline-form">
              <label>
                <span>{t('schemes.version')}</span>
                <select value={add.version} onChange={(e) => setAdding({ ...adding, [id]: { ...add, version: e.target.value } })}>
                  {versionsOf(id).map((s) => (
                    <option key={s.version} value={s.version}>
                      v{s.version}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t('schemes.from')}</span>
                <input type="date" value={add.from} onChange={(e) => setAdding({ ...adding, [id]: { ...add, from: e.target.value } })} />
              </label>
              <button
                type="button"
                className="button secondary"
                disabled={!add.from}
                onClick={() => {
                  setLines([...lines, { version: Number(add.version), from: add.from }]);
                  setAdding({ ...adding, [id]: { ...add, from: '' } });
                }}
              >
                {t('schemes.addVersion')}
              </button>
            </div>
            {versionsOf(id).length > 1 && (
              <>
                <h4>{t('whatIf.heading')}</h4>
                <p className="muted">{t('whatIf.intro')}</p>
                <WhatIfView id={id} versions={versionsOf(id)} />
              </>
            )}
          </section>
        );
      })}
      {problems.length > 0 && (
        <div className="admin-problems" role="alert">
          <p>{t('hall.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{scheduleProblemText(t, p, titleOf)}</li>
            ))}
          </ul>
        </div>
      )}
      <ActMessage message={act.message} />
      <div className="floor-toolbar">
        <button type="button" className="button primary" disabled={act.busy || problems.length > 0 || !changed} onClick={save}>
          {act.busy ? t('common.saving') : t('common.save')}
        </button>
        {!changed && <span className="muted">{t('common.unchanged')}</span>}
      </div>
      <section className="admin-form" aria-labelledby="held-heading">
        <h3 id="held-heading">{t('schemes.held')}</h3>
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('schemes.scheme')}</th>
              <th>{t('schemes.version')}</th>
              <th>{t('schemes.period')}</th>
              <th>{t('schemes.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {held.map((s) => (
              <tr key={`${s.id}@${s.version}`}>
                <td>
                  {s.title} <small className="muted">{s.id}</small>
                </td>
                <td>v{s.version}</td>
                <td>{t(`schemes.periods.${s.period}`)}</td>
                <td>{s.subjects.map((l) => t(`schemes.levels.${l}`)).join(t('common.separator'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SchemeUpload />
    </section>
  );
}

/** A schedule problem (core data) in words. */
function scheduleProblemText(t: ReturnType<typeof useAdminWords>['t'], p: ScheduleProblem, titleOf: (id: string) => string): string {
  switch (p.kind) {
    case 'schedules-differ':
      return t('schemes.problem.schedules-differ', { title: titleOf(p.id) });
    case 'level-several-schemes':
      return t('schemes.problem.level-several-schemes', { level: t(`schemes.levels.${p.subject}`) });
    case 'from-not-period-start':
      return t('schemes.problem.from-not-period-start', { title: titleOf(p.id), version: p.version, from: p.from, period: t(`schemes.periods.${p.period}`) });
    case 'subject-not-scored':
      return t('schemes.problem.subject-not-scored', { title: titleOf(p.id), version: p.version, level: t(`schemes.levels.${p.subject}`) });
    case 'from-repeated':
      return t('schemes.problem.from-repeated', { title: titleOf(p.id), from: p.from ?? t('schemes.start') });
    case 'version-order':
      return t('schemes.problem.version-order', { title: titleOf(p.id), version: p.version, earlier: p.earlier, from: p.from ?? t('schemes.start') });
    default:
      return t(`schemes.problem.${p.kind}`, { title: titleOf(p.id), version: p.version, from: 'from' in p ? p.from : '' });
  }
}
