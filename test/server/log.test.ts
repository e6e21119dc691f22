import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/server/log';

describe('error log lines', () => {
  it('keep the error class, code and message but never the quoted values, key values or parameters of a driver error', () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "accounts_username_key"'), {
      code: '23505',
      detail: 'Key (username)=(admin) already exists.',
      parameters: ['scrypt$32768$8$3$c2FsdA==$aGFzaA=='],
      query: 'insert into accounts ...',
    });
    const line = JSON.stringify(describeError(pgError));
    expect(line).toBe(JSON.stringify({ error: 'Error: duplicate key value violates unique constraint "…"', code: '23505' }));
    const typed = describeError(new Error('invalid input syntax for type timestamp with time zone: "2026-02-30T10:00:00+08:00"'));
    expect(typed.error).not.toMatch(/2026-02-30/);
    expect(describeError(new Error('Key (hash)=(abc) conflicts')).error).toBe('Error: Key (hash)=(…) conflicts');
    expect(describeError('x'.repeat(1000)).error.length).toBeLessThanOrEqual(310);
  });
});
