import { createPublicKey, verify } from 'node:crypto';
import type { FindingEvent } from '../../core/events/events';
import { canonicalEvent } from '../../core/access/canonicalEvent';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Whether a base64url string is a raw Ed25519 public key (32 bytes) that Node accepts. */
export function isEd25519PublicKey(b64: string): boolean {
  if (!/^[A-Za-z0-9_-]{43}$/.test(b64)) return false;
  try {
    createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(b64, 'base64url')]), format: 'der', type: 'spki' });
    return true;
  } catch {
    return false;
  }
}

/** Whether `signature` (base64url) is the holder of `publicKey`'s Ed25519 signature of canonicalEvent(event). */
export function verifyHandOverProof(event: FindingEvent, publicKey: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey, 'base64url')]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(canonicalEvent(event), 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
