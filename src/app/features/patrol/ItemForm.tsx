import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { rulePoints } from '../../../core/scoring/findingPoints';
import { calcLabel } from '../../format/calcLabel';
import { formatPoints } from '../../format/formatPoints';
import type { PatrolItem } from './patrolItems';
import { readInputs } from '../../../core/scheme/ruleInputs';
import { RuleInputs } from './RuleInputs';
import { subjectName } from './subjectName';
import { useSaveFinding } from './useSaveFinding';

/**
 * The chosen item when it needs more than a tap: who (for a person item with nobody chosen yet) and what its rule
 * asks for, the points it will move, and one button that saves.
 */
export function ItemForm({ pi, windowId }: { pi: PatrolItem; windowId: string }) {
  const { t } = useTranslation();
  const { hall } = useServices();
  const draft = usePatrol((s) => s.draft);
  const saving = usePatrol((s) => s.saving);
  const choosePerson = usePatrol((s) => s.choosePerson);
  const chooseItem = usePatrol((s) => s.chooseItem);
  const save = useSaveFinding();
  // Problems show once saving was tried, and each goes away as soon as its input is valid.
  const [tried, setTried] = useState(false);
  const setRaw = usePatrol((s) => s.setRaw);
  const { item } = pi;
  const window = hall.index.window(windowId);
  const read = readInputs(item.rule, draft.raw);
  const preview = read.ok ? rulePoints(item, read.inputs) : null;
  const who = subjectName(hall, item.subject, { staffId: draft.staffId ?? undefined, windowId, unitId: window?.unitId });

  const problems = tried && !read.ok ? read.problems : [];
  const onSave = async (): Promise<void> => {
    setTried(true);
    await save(pi.key);
  };

  return (
    <section className="item-form" aria-label={t('form.heading', { name: item.name })}>
      <header>
        <strong>{item.name}</strong>
        <small className="muted">
          {item.clause} · {pi.category.name}
        </small>
      </header>
      <p className="form-subject">
        {t('form.chargedTo', { subject: t(`subject.${item.subject}`) })} <strong>{who || t('form.choosePerson')}</strong>
      </p>
      {item.subject === 'staff' && (
        <div className="chips" role="group" aria-label={t('form.whichPerson')}>
          {hall.index.staffAt(windowId).map((s) => (
            <button key={s.id} type="button" className="chip" aria-pressed={draft.staffId === s.id} onClick={() => choosePerson(s.id)}>
              {s.name}
            </button>
          ))}
        </div>
      )}
      {tried && item.subject === 'staff' && !draft.staffId && (
        <p className="field-error" role="alert">
          {t('form.needPerson')}
        </p>
      )}
      <RuleInputs rule={item.rule} raw={draft.raw} onChange={setRaw} problems={problems} />
      <p className="preview" aria-live="polite">
        {preview?.kind === 'points' && t('form.preview', { points: formatPoints(preview.points), label: calcLabel(preview.calc) })}
        {preview?.kind === 'period' && t('form.previewPeriod')}
      </p>
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={() => chooseItem(null)}>
          {t('form.cancel')}
        </button>
        <button type="button" className="button primary" disabled={saving || draft.photosBusy > 0} onClick={() => void onSave()}>
          {draft.photosBusy > 0 ? t('evidence.processing') : t('form.save')}
        </button>
      </div>
    </section>
  );
}
