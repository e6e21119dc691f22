/** Signed points as shown: +2, −0.5 (a real minus sign), 0. */
export function formatPoints(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  if (r > 0) return `+${r}`;
  if (r < 0) return `−${Math.abs(r)}`;
  return '0';
}
