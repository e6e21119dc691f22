/**
 * The sync protocol's version (docs/sync.md). Every message carries it; a server answers a version it does not speak
 * with an `error` of code `protocol`.
 */
export const PROTOCOL_VERSION = 1;
