import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inputFields } from '../../../core/scheme/ruleInputs';
import type { InputField, InputName, InputProblem, RawInputs } from '../../../core/scheme/ruleInputs';
import type { Rule } from '../../../core/scheme/schemeSchema';
import { inputProblemWords } from '../../format/refusalWords';

/**
 * The inputs a rule shape asks for, and nothing else (the core's inputFields): a level, an amount in range, a quantity
 * with its unit, errors of a total. Each field shows its own problem beside it. Used to record and to amend.
 */
export function RuleInputs({ rule, raw, onChange, problems, hint }: { rule: Rule; raw: RawInputs; onChange: (name: InputName, value: string) => void; problems: readonly InputProblem[]; hint?: (field: InputField) => string }) {
  const fields = inputFields(rule);
  if (fields.length === 0) return null;
  return (
    <div className="rule-inputs">
      {fields.map((f) => (
        <Field key={f.name} field={f} value={raw[f.name] ?? ''} onChange={onChange} problem={problems.find((p) => p.field === f.name)} hint={hint?.(f) ?? ''} />
      ))}
    </div>
  );
}

function Field({ field, value, onChange, problem, hint }: { field: InputField; value: string; onChange: (name: InputName, value: string) => void; problem: InputProblem | undefined; hint: string }) {
  const { t } = useTranslation();
  const id = useId();
  const error = problem ? (
    <p className="field-error" role="alert">
      {inputProblemWords(problem, t)}
    </p>
  ) : null;
  const note = hint ? <small className="muted">{hint}</small> : null;

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
            <button key={o.value} type="button" role="radio" aria-checked={value === o.value} className="choice" onClick={() => onChange(field.name, o.value)}>
              {o.label}
            </button>
          ))}
        </div>
        {note}
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
          onChange={(e) => onChange(field.name, e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      {note}
      {error}
    </div>
  );
}
