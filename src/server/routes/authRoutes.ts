import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ulid } from 'ulid';
import { loginRequestSchema } from '../../core/protocol/messages';
import { PROTOCOL_VERSION } from '../../core/protocol/version';
import type { LoginResult } from '../../core/protocol/messages';
import type { AppEnv, ServerDeps } from '../appEnv';
import { ALL_ROLES, requireAuth } from '../auth/requireAuth';
import { verifyPassword } from '../auth/password';
import { failureKeys, signInBlocked } from '../auth/rateLimit';
import { newToken, TOKEN_DAYS, tokenHash } from '../auth/tokens';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { accountByUsername, clearFailures, insertToken, recordFailure, revokeTokens, upsertDevice } from '../storage/accountRepo';

/** Sign in (once per device, online), sign out, and who am I. */
export function authRoutes({ db }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = loginRequestSchema.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `login: ${describeIssues(req.error.issues)}`);
    if (req.data.protocol !== PROTOCOL_VERSION) return errorResponse(c, 'protocol', `protocol ${req.data.protocol} is not spoken here (expected ${PROTOCOL_VERSION})`);
    const { username, password, deviceId, deviceName } = req.data;
    const address = clientAddress(c);
    const wait = await signInBlocked(db, username, address);
    if (wait > 0) return errorResponse(c, 'rate-limited', 'too many failed sign-ins; wait 15 minutes and try again', wait);
    const account = await accountByUsername(db, username);
    // Verify even for an unknown user name, so the answer takes as long either way.
    const ok = await verifyPassword(password, account?.passwordHash ?? 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    if (!account || !ok || account.disabled) {
      await recordFailure(db, failureKeys(username, address));
      return errorResponse(c, 'unauthenticated', account?.disabled ? 'this account is disabled' : 'wrong user name or password');
    }
    const token = newToken();
    const tokenId = ulid();
    const expiresAt = new Date(Date.now() + TOKEN_DAYS * 86_400_000).toISOString();
    await db.transaction(async (tx) => {
      await upsertDevice(tx, deviceId, deviceName || deviceId);
      await insertToken(tx, { id: tokenId, hash: tokenHash(token), accountId: account.id, deviceId, expiresAt });
      await clearFailures(tx, failureKeys(username, address)[0] ?? '');
    });
    const result: LoginResult = {
      type: 'login.result',
      protocol: PROTOCOL_VERSION,
      token,
      tokenId,
      expiresAt,
      account: { id: account.id, name: account.name, role: account.role, unitIds: account.unitIds, windowIds: account.windowIds },
    };
    return c.json(result);
  });

  app.post('/logout', requireAuth(db, ALL_ROLES), async (c) => {
    await revokeTokens(db, { tokenId: c.get('auth').tokenId });
    return c.json({ revoked: 1 });
  });

  app.get('/me', requireAuth(db, ALL_ROLES), (c) => {
    const { account, deviceId, tokenId } = c.get('auth');
    return c.json({ account: { id: account.id, name: account.name, role: account.role, unitIds: account.unitIds, windowIds: account.windowIds }, deviceId, tokenId });
  });

  return app;
}

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
