import { useId } from 'react';

/** The written reason (or note) of a review act: a labelled text area, with its problem shown right under it. */
export function ReasonField(props: { label: string; value: string; onChange: (value: string) => void; rows?: number; required?: boolean; error?: string | null }) {
  const errorId = useId();
  return (
    <div className="reason-field">
      <label className="note">
        <span>{props.label}</span>
        <textarea
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          rows={props.rows ?? 3}
          required={props.required ?? false}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
        />
      </label>
      {props.error && (
        <p id={errorId} className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
