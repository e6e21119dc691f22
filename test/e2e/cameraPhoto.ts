import type { Page } from 'playwright-core';

/**
 * A camera-sized JPEG (4000×3000, noisy so it does not compress to nothing) made by the browser's own encoder, with
 * an EXIF block (camera make and a GPS-looking tag) spliced in after the start marker, as a phone camera writes it.
 */
export async function cameraPhoto(page: Page, seed: number): Promise<Buffer> {
  const bytes = await page.evaluate(async (s) => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const g = ctx.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, `hsl(${(s * 47) % 360} 60% 60%)`);
    g.addColorStop(1, `hsl(${(s * 47 + 120) % 360} 60% 40%)`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 4000, 3000);
    let x = s * 9973;
    for (let i = 0; i < 30000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      ctx.fillStyle = `rgba(${x % 255}, ${(x >> 8) % 255}, ${(x >> 16) % 255}, 0.6)`;
      ctx.fillRect(x % 4000, (x >> 5) % 3000, 20, 20);
    }
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
    if (!blob) throw new Error('toBlob failed');
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, seed);
  const jpeg = Buffer.from(bytes);
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(), jpeg.subarray(2)]);
}

/** An APP1 EXIF segment: big-endian TIFF header and one IFD with Make = "HallCam" (ASCII, 8 bytes). */
function exifSegment(): Buffer {
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // MM, 42, IFD at 8
    0x00, 0x01, // one entry
    0x01, 0x0f, 0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x1a, // Make, ASCII, 8 chars, at 26
    0x00, 0x00, 0x00, 0x00, // no next IFD
    ...Buffer.from('HallCam\0', 'ascii'),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}
