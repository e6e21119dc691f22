/** A salted PBKDF2-SHA-256 verifier of a PIN or password, kept on the device to check it offline. */
export interface LocalSecret {
  salt: string;
  hash: string;
  iterations: number;
}

const hex = (b: ArrayBuffer | Uint8Array): string => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (s: string): Uint8Array<ArrayBuffer> => new Uint8Array((s.match(/../g) ?? []).map((h) => parseInt(h, 16)));

async function derive(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveBits']);
  return hex(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** Make a verifier for `secret` (a fresh random salt). The secret itself is never stored. */
export async function makeSecret(secret: string, iterations = 150_000): Promise<LocalSecret> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: hex(salt), hash: await derive(secret, salt, iterations), iterations };
}

/** Whether `secret` matches the verifier (compared in constant time over the hex digest). */
export async function checkSecret(secret: string, v: LocalSecret): Promise<boolean> {
  const got = await derive(secret, unhex(v.salt), v.iterations);
  let diff = got.length ^ v.hash.length;
  for (let i = 0; i < Math.min(got.length, v.hash.length); i++) diff |= got.charCodeAt(i) ^ v.hash.charCodeAt(i);
  return diff === 0;
}
