/** The largest chunk of a photo upload, in bytes (the tablet sends 256 KB). */
export const MAX_PHOTO_CHUNK_BYTES = 2 * 1024 * 1024;
/** Unfinished uploads one account may have at a time. */
export const MAX_OPEN_UPLOADS = 20;
/** An unfinished upload untouched this long is thrown away (the device starts it again). */
export const UPLOAD_MAX_AGE_HOURS = 48;
