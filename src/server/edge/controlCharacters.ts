import { hasControlCharacter } from '../../core/events/controlCharacters';

/** The first place in a JSON value holding a control character, as a field path ("lines.2.name", a key too), or null. */
export function controlCharacterAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasControlCharacter(value, { text: true }) ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = controlCharacterAt(value[i], path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hasControlCharacter(k)) return `${path ? `${path}.` : ''}(a key)`;
      const hit = controlCharacterAt(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}
