/** Most events in one push. */
export const MAX_PUSH_EVENTS = 1000;
/** Most events in one pull page. */
export const MAX_PULL_EVENTS = 2000;
/** Largest photo the server takes, in bytes. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
