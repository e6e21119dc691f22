import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * Draw the app icons as SVG and rasterise them with the system's Chromium (no binary downloads): public/icons/*.png.
 * Run once when the icon changes: npx tsx src/cli/makeIcons.ts [path-to-chromium]
 */
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'icons');
const executablePath = process.argv[2] ?? '/usr/bin/chromium';

/** The icon: a teal tile with 巡 over a row of counters; `safe` shrinks the art into the maskable safe zone. */
function svg(size: number, safe: boolean): string {
  const pad = safe ? size * 0.12 : 0;
  const s = size - 2 * pad;
  const radius = safe ? 0 : size * 0.2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="#0e5e5a"/>
  <g transform="translate(${pad} ${pad})">
    <text x="${s / 2}" y="${s * 0.62}" font-size="${s * 0.5}" text-anchor="middle" fill="#fff" font-weight="700" font-family="Noto Sans CJK SC, sans-serif">巡</text>
    ${[0, 1, 2].map((i) => `<rect x="${s * (0.16 + i * 0.24)}" y="${s * 0.74}" width="${s * 0.2}" height="${s * 0.1}" rx="${s * 0.02}" fill="${i === 1 ? '#f9ab00' : '#ffffff'}"/>`).join('')}
  </g>
</svg>`;
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
mkdirSync(out, { recursive: true });
for (const [name, size, safe] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size, safe)}</body></html>`);
  writeFileSync(join(out, name), await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
process.stdout.write(`wrote icons into ${out}\n`);
