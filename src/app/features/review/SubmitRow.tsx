/** A review act's submit button with the error that refused it, read out as an alert. */
export function SubmitRow({ label, onSubmit, error }: { label: string; onSubmit: () => void; error: string | null }) {
  return (
    <>
      <button type="button" className="button primary" onClick={onSubmit}>
        {label}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
