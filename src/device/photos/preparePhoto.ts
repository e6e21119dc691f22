import type { PreparedPhoto } from './preparedPhoto';
import { sha256Hex } from './sha256Hex';

/** The evidence limits: long side at most 1600 px, at most 300 KB. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_MAX_BYTES = 300 * 1024;

/**
 * Compress a camera or gallery image on the device. Re-encoding through a canvas as JPEG drops every metadata block
 * (EXIF with GPS and camera serial, XMP), after applying the EXIF orientation. The compressor is loaded on first
 * use, so it is not in the patrol's initial download; its web worker is off because that worker is fetched from a
 * CDN, which an offline tablet cannot reach.
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const { default: imageCompression } = await import('browser-image-compression');
  const input = file instanceof File ? file : new File([file], 'photo', { type: file.type, lastModified: 0 });
  let out: Blob = input;
  // The compressor aims at maxSizeMB but may land a little above it: shrink the long side until it fits.
  for (const side of [PHOTO_MAX_SIDE, 1280, 1024, 800, 640]) {
    out = await imageCompression(input, {
      maxSizeMB: PHOTO_MAX_BYTES / (1024 * 1024),
      maxWidthOrHeight: side,
      useWebWorker: false,
      fileType: 'image/jpeg',
      initialQuality: 0.85,
      preserveExif: false,
    });
    if (out.size <= PHOTO_MAX_BYTES) break;
  }
  const bitmap = await createImageBitmap(out);
  const { width, height } = bitmap;
  bitmap.close();
  return { hash: await sha256Hex(out), blob: out, type: 'image/jpeg', bytes: out.size, width, height };
}
