import type { FindingEvent } from '../../core/events/events';
import { canonicalEvent } from '../../core/access/canonicalEvent';

/**
 * A chief's hand-over key on the inspector's tablet (docs/review.md, "Hand-over"): an Ed25519 key pair made here
 * (WebCrypto), whose public half the chief registers with the server under a fresh sign-in, and whose private half
 * is kept only sealed with AES-GCM under a key derived (PBKDF2-SHA-256) from the chief's PIN. The inspector holding
 * the tablet cannot sign as the chief without the PIN; the server accepts the chief's acts from this tablet only with
 * such a signature.
 */
export interface SealedHandOverKey {
  /** The server's id of the registered public key. */
  keyId: string;
  /** PKCS#8 private key, AES-GCM encrypted (base64url), with its salt, nonce and PBKDF2 iterations. */
  sealed: string;
  salt: string;
  iv: string;
  iterations: number;
}

/** Signs an event as the chief (adds the proof the server verifies). */
export type EventSigner = <E extends FindingEvent>(event: E) => Promise<E>;

const ED25519 = { name: 'Ed25519' } as const;
/** PBKDF2 rounds: each offline PIN guess costs this much (OWASP's figure for PBKDF2-SHA-256). */
const ITERATIONS = 600_000;

const b64 = (bytes: ArrayBuffer | Uint8Array): string => {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const unb64 = (s: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new key pair: the raw public key (base64url) to register, and the private key sealed under the PIN (keyId to fill in). */
export async function newHandOverKey(pin: string, iterations = ITERATIONS): Promise<{ publicKey: string; sealed: Omit<SealedHandOverKey, 'keyId'> }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const [raw, pkcs8] = await Promise.all([crypto.subtle.exportKey('raw', pair.publicKey), crypto.subtle.exportKey('pkcs8', pair.privateKey)]);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await pinKey(pin, salt, iterations), pkcs8);
  return { publicKey: b64(raw), sealed: { sealed: b64(sealed), salt: b64(salt), iv: b64(iv), iterations } };
}

/** The chief's signer, unsealed with the PIN (the private key stays a non-extractable CryptoKey in memory); null for a wrong PIN. */
export async function unsealHandOverKey(key: SealedHandOverKey, pin: string): Promise<EventSigner | null> {
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(key.iv) }, await pinKey(pin, unb64(key.salt), key.iterations), unb64(key.sealed));
  } catch {
    return null;
  }
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  return async (event) => {
    const signature = await crypto.subtle.sign(ED25519, privateKey, new TextEncoder().encode(canonicalEvent(event)));
    return { ...event, proof: { keyId: key.keyId, signature: b64(signature) } };
  };
}

/** Whether a stored value is a sealed key (IndexedDB holds unknown data). */
export function isSealedHandOverKey(v: unknown): v is SealedHandOverKey {
  const k = v as SealedHandOverKey;
  return typeof v === 'object' && v !== null && [k.keyId, k.sealed, k.salt, k.iv].every((x) => typeof x === 'string') && typeof k.iterations === 'number';
}
