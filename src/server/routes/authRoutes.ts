import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ulid } from 'ulid';
import { z } from 'zod';
import { loginRequestSchema } from '../../core/protocol/messages';
import { PROTOCOL_VERSION } from '../../core/protocol/version';
import type { LoginResult } from '../../core/protocol/messages';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { verifyPassword } from '../auth/password';
import { attemptFailed, attemptSucceeded, beginSignIn } from '../auth/rateLimit';
import { newToken, TOKEN_DAYS, tokenHash } from '../auth/tokens';
import { describeIssues, errorResponse, problemsResponse, readJson } from '../httpError';
import { insertDeviceKey, keyHall, revokeDeviceKeys } from '../storage/deviceKeyRepo';
import { isEd25519PublicKey } from '../auth/handOverProof';
import { accountByUsername, insertToken, managedHalls, revokeTokens, upsertDevice } from '../storage/accountRepo';
import type { AccountRow } from '../storage/accountRepo';
import type { Queryable } from '../storage/db';

/** How recent a sign-in must be to register a hand-over key with it. */
const FRESH_SIGN_IN_SECONDS = 10 * 60;

/** Sign in (once per device and hall, online), sign out, who am I, a centre administrator's other hall, hand-over keys. */
export function authRoutes({ db, hall }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** A new token for the account on the device, for one hall. */
  const issue = async (tx: Queryable, account: AccountRow, deviceId: string, deviceName: string, hallId: string): Promise<LoginResult> => {
    const token = newToken();
    const tokenId = ulid();
    const expiresAt = new Date(Date.now() + TOKEN_DAYS * 86_400_000).toISOString();
    await upsertDevice(tx, hallId, deviceId, deviceName || deviceId);
    await insertToken(tx, { id: tokenId, hash: tokenHash(token), accountId: account.id, deviceId, hallId, expiresAt });
    const { setup } = await hall.current(tx, hallId);
    return {
      type: 'login.result',
      protocol: PROTOCOL_VERSION,
      token,
      tokenId,
      expiresAt,
      account: { id: account.id, name: account.name, role: account.role, unitIds: account.unitIds, windowIds: account.windowIds, offices: account.offices },
      hall: { id: hallId, name: setup.roster.hall.name },
    };
  };

  app.post('/login', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = loginRequestSchema.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `login: ${describeIssues(req.error.issues)}`);
    if (req.data.protocol !== PROTOCOL_VERSION) return errorResponse(c, 'protocol', `protocol ${req.data.protocol} is not spoken here (expected ${PROTOCOL_VERSION})`);
    const { username, password, deviceId, deviceName } = req.data;
    const address = clientAddress(c);
    // Counted before the password is checked, under a lock per user name and source: parallel guesses queue here.
    // An attempt held back only by others still being checked (several devices of one account) waits for them.
    let attempt = await db.transaction((tx) => beginSignIn(tx, username, address));
    for (let waited = 0; attempt.wait > 0 && attempt.pending && waited < 3000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      attempt = await db.transaction((tx) => beginSignIn(tx, username, address));
    }
    if (attempt.wait > 0) {
      return errorResponse(c, 'rate-limited', `too many failed sign-ins for "${username}" from this address; wait ${waitWords(attempt.wait)} and try again`, attempt.wait);
    }
    const account = await accountByUsername(db, username);
    // Verify even for an unknown user name, so the answer takes as long either way.
    const ok = await verifyPassword(password, account?.passwordHash ?? 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    if (!account || !ok || account.disabled) {
      await attemptFailed(db, username, address, attempt.at);
      return errorResponse(c, 'unauthenticated', account?.disabled && ok ? 'this account is disabled' : 'wrong user name or password');
    }
    // The password was right: the attempt is not a failure, whatever the hall named.
    await attemptSucceeded(db, username, address, attempt.at);
    let hallId: string;
    if (account.hallId === null) {
      const managed = await managedHalls(db, account.id);
      if (!req.data.hallId) {
        // The halls as data too, so the sign-in screen can offer them by name.
        const halls = [];
        for (const id of managed) halls.push({ id, name: (await hall.current(db, id)).setup.roster.hall.name });
        return problemsResponse(c, 'bad-request', `login: a centre administrator names the hall to sign in to (hallId): one of ${managed.join(', ') || '(none yet)'}`, [{ kind: 'choose-hall', halls }]);
      }
      if (!managed.includes(req.data.hallId)) return errorResponse(c, 'forbidden', `${account.username} does not manage hall "${req.data.hallId}"`);
      hallId = req.data.hallId;
    } else {
      if (req.data.hallId !== undefined && req.data.hallId !== account.hallId) return errorResponse(c, 'forbidden', `${account.username} is an account of another hall than "${req.data.hallId}"`);
      hallId = account.hallId;
    }
    return c.json(await db.transaction((tx) => issue(tx, account, deviceId, deviceName, hallId)));
  });

  // A centre administrator signs this device in to another hall they manage (a token for that hall; this one stays).
  app.post('/hall', requireAuth(db), async (c) => {
    const auth = c.get('auth');
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = z.object({ hallId: z.string().min(1).max(100), deviceName: z.string().max(100).optional() }).strict().safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `hall: ${describeIssues(req.error.issues)}`);
    if (!auth.centre?.halls.includes(req.data.hallId)) return errorResponse(c, 'forbidden', `${auth.account.username} does not manage hall "${req.data.hallId}"`);
    const hallId = req.data.hallId;
    return c.json(await db.transaction((tx) => issue(tx, auth.account, auth.deviceId, req.data.deviceName ?? auth.deviceId, hallId)));
  });

  // A chief enrolling for hand-over registers the tablet's public key under a fresh sign-in on that tablet; the tablet
  // then signs out, so the inspector holding it has the key only sealed under the chief's PIN (docs/review.md).
  app.post('/keys', requireAuth(db), async (c) => {
    const auth = c.get('auth');
    if (auth.ageSeconds > FRESH_SIGN_IN_SECONDS) {
      return errorResponse(c, 'forbidden', `a hand-over key is registered only within ${FRESH_SIGN_IN_SECONDS / 60} minutes of signing in; sign in again`);
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = z.object({ publicKey: z.string() }).strict().safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `key: ${describeIssues(req.error.issues)}`);
    if (!isEd25519PublicKey(req.data.publicKey)) return errorResponse(c, 'bad-request', 'key: publicKey is not a raw Ed25519 public key in base64url (43 characters)');
    const keyId = ulid();
    await insertDeviceKey(db, { id: keyId, accountId: auth.account.id, deviceId: auth.deviceId, hallId: auth.hallId, publicKey: req.data.publicKey });
    return c.json({ keyId, deviceId: auth.deviceId }, 201);
  });

  // An account revokes one of its own hand-over keys (from any of its devices).
  app.post('/keys/:keyId/revoke', requireAuth(db), async (c) => {
    const where = await keyHall(db, c.req.param('keyId'));
    if (where !== undefined && where !== c.get('auth').hallId) return errorResponse(c, 'forbidden', `key "${c.req.param('keyId')}" is registered in another hall`);
    const n = await revokeDeviceKeys(db, { keyId: c.req.param('keyId'), accountId: c.get('auth').account.id });
    return n ? c.json({ revoked: n }) : errorResponse(c, 'not-found', `no live key "${c.req.param('keyId')}" of ${c.get('auth').account.id}`);
  });

  app.post('/logout', requireAuth(db), async (c) => {
    await revokeTokens(db, { tokenId: c.get('auth').tokenId });
    return c.json({ revoked: 1 });
  });

  app.get('/me', requireAuth(db), (c) => {
    const { account, deviceId, tokenId, hallId, centre } = c.get('auth');
    return c.json({
      account: { id: account.id, name: account.name, role: account.role, unitIds: account.unitIds, windowIds: account.windowIds, offices: account.offices },
      deviceId,
      tokenId,
      hallId,
      // A centre administrator: the halls they may sign in to (POST /api/auth/hall).
      centre: centre ? { halls: centre.halls } : null,
    });
  });

  return app;
}

/** "45 seconds", "4 minutes". */
function waitWords(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
