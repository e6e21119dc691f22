import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../core/scheme/schemeSchema';
import { usePatrol } from '../../store/usePatrol';
import { inputFields } from '../../../core/scheme/ruleInputs';
import type { InputField, InputProblem } from '../../../core/scheme/ruleInputs';

/** The inputs a rule shape asks for, and nothing else: a level, an amount in range, a quantity with its unit. */
export function RuleInputs({ rule, problems }: { rule: Rule; problems: readonly InputProblem[] }) {
  const fields = inputFields(rule);
  if (fields.length === 0) return null;
  return (
    <div className="rule-inputs">
      {fields.map((f) => (
        <Field key={f.name} field={f} problem={problems.find((p) => p.field === f.name)} />
      ))}
    </div>
  );
}

function Field({ field, problem }: { field: InputField; problem: InputProblem | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const value = usePatrol((s) => s.draft.raw[field.name] ?? '');
  const setRaw = usePatrol((s) => s.setRaw);
  const error = problem ? <p className="field-error" role="alert">{t(`inputs.problem.${problem.kind}`, { limit: problem.limit })}</p> : null;

  if (field.name === 'level' || (field.name === 'amount' && field.choices.length <= 12)) {
    const options =
      field.name === 'level'
        ? field.levels.map((l) => ({ value: l.id, label: `${l.name} ${l.points}` }))
        : field.choices.map((c) => ({ value: String(c), label: String(c) }));
    const legend = field.name === 'level' ? t('inputs.level') : t('inputs.amount', { min: field.min, max: field.max });
    return (
      <fieldset className="choice-field">
        <legend>{legend}</legend>
        <div className="choices" role="radiogroup" aria-label={legend}>
          {options.map((o) => (
            <button key={o.value} type="button" role="radio" aria-checked={value === o.value} className="choice" onClick={() => setRaw(field.name, o.value)}>
              {o.label}
            </button>
          ))}
        </div>
        {error}
      </fieldset>
    );
  }

  let label: string;
  let unit = '';
  let integer = true;
  if (field.name === 'quantity') {
    label = field.label || t('inputs.quantity');
    unit = field.unit;
    integer = field.integer;
  } else if (field.name === 'amount') {
    label = t('inputs.amount', { min: field.min, max: field.max });
    integer = false;
  } else label = t(`inputs.${field.name}`);
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <span className="number-with-unit">
        <input
          id={id}
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          value={value}
          min={field.name === 'quantity' ? field.min : undefined}
          max={field.name === 'quantity' ? field.max : undefined}
          step={integer ? 1 : 'any'}
          onChange={(e) => setRaw(field.name, e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      {error}
    </div>
  );
}
