/** The written reason (or note) of a review act: a labelled text area. */
export function ReasonField(props: { label: string; value: string; onChange: (value: string) => void; rows?: number; required?: boolean }) {
  return (
    <label className="note">
      <span>{props.label}</span>
      <textarea value={props.value} onChange={(e) => props.onChange(e.target.value)} rows={props.rows ?? 3} required={props.required ?? false} />
    </label>
  );
}
