/** The outcome of an admin act: a polite status when done, an alert when refused. */
export function ActMessage({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return message.ok ? (
    <p className="admin-ok" role="status">
      {message.text}
    </p>
  ) : (
    <p className="field-error" role="alert">
      {message.text}
    </p>
  );
}
