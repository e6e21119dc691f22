import '../sync/zodWithoutEval';
import { z } from 'zod';
import { adminTransport } from './adminTransport';
import type { AdminApiOptions } from './adminTransport';

const meSchema = z.object({
  hallId: z.string(),
  /** A centre administrator: the halls they manage (null for an account of a hall). */
  centre: z.object({ halls: z.array(z.string()) }).nullable(),
});
/** Who the token is for: its hall and, for a centre administrator, the halls they manage. */
export type Me = z.infer<typeof meSchema>;

const centreHallSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  units: z.number(),
  windows: z.number(),
  staff: z.number(),
  accounts: z.number(),
  findings: z.number(),
  lastChange: z.string().nullable(),
});
/** A hall a centre administrator manages, with a few figures (GET /api/centre/halls). */
export type CentreHall = z.infer<typeof centreHallSchema>;

/** What a centre administrator fills in to open a hall: its id, name, time zone and first admin. */
export interface NewHall {
  id: string;
  name: string;
  timeZone: string;
  admin: { username: string; name: string; password: string };
}

/**
 * A centre administrator's calls (docs/halls.md): who the token is for, the halls they manage side by side, opening a
 * hall, and a sign-in of this device for another hall they manage (POST /api/auth/hall: a token for that hall).
 */
export function centreCalls(o: AdminApiOptions) {
  const { call, checked } = adminTransport(o);
  return {
    async me(): Promise<Me> {
      return checked(meSchema, await call('GET', '/api/auth/me'), 'me');
    },
    async centreHalls(): Promise<CentreHall[]> {
      return checked(z.object({ halls: z.array(centreHallSchema) }), await call('GET', '/api/centre/halls'), 'halls').halls;
    },
    async openHall(h: NewHall): Promise<{ id: string }> {
      return checked(z.object({ id: z.string() }).loose(), await call('POST', '/api/centre/halls', h), 'new hall');
    },
    /** A token of this device for another hall the centre administrator manages. */
    async hallToken(hallId: string): Promise<string> {
      return checked(z.object({ token: z.string() }).loose(), await call('POST', '/api/auth/hall', { hallId }), 'hall sign-in').token;
    },
  };
}
