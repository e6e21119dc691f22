/**
 * Failures of the storage itself (not of a request), in words a person acts on. The database adapters throw these in
 * place of the driver's error when the database cannot be reached or its disk is full, so the app answers 503 or 507
 * with a message naming the problem instead of a bare 500; the driver's error stays as `cause` for the log.
 */
export class StorageError extends Error {
  constructor(
    /** The protocol's error code the app answers with. */
    readonly code: 'unavailable' | 'storage-full',
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

// SQLSTATE classes and codes (PostgreSQL appendix A): 08 connection exception; 57P01 admin shutdown (a terminated
// backend), 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down); 53300 too many connections.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
// 53100 disk full (data files); 53000 insufficient resources is used for some out-of-space cases as well.
const FULL_STATES = new Set(['53100']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres words for a connection that ended or never came (it sets no code on these).
const UNAVAILABLE_WORDS = /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i;

/** The StorageError an error from a database driver stands for, or the error itself when it is something else. */
export function asStorageError(e: unknown): unknown {
  if (e instanceof StorageError || !(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  if ((typeof code === 'string' && FULL_STATES.has(code)) || code === 'ENOSPC' || /No space left on device/i.test(e.message)) {
    return new StorageError(
      'storage-full',
      'the server cannot store this: its disk is full (the database could not write). Nothing of this request was stored; the device keeps it and sends it again once the office frees disk space',
      { cause: e },
    );
  }
  if ((typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) || UNAVAILABLE_WORDS.test(e.message)) {
    return new StorageError(
      'unavailable',
      'the database cannot be reached right now (restarting or disconnected), so this request was not completed; send it again shortly (a push sent twice is stored once)',
      { cause: e },
    );
  }
  return e;
}
