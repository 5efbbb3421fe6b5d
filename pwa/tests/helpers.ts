// Fresh databases and a seeded real server (tests/pwa_server.py) for each test.
import { server } from '../src/api.testing';
import { MaatjeDB, setMeta } from '../src/store/db';
import type { User } from '../src/types';

let counter = 0;

export function freshDb(): MaatjeDB {
  counter += 1;
  return new MaatjeDB(`maatje-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const ANNA_ID = '11111111-1111-4111-8111-111111111111';
export const BRAM_ID = '22222222-2222-4222-8222-222222222222';

// Resets the server with two users and logs in as Anna.
export async function seedServer(): Promise<{ anna: User; bram: User }> {
  await server.reset();
  const anna = await server.addUser({ id: ANNA_ID, email: 'anna@example.nl', password: 'pw', display_name: 'Anna', locale: 'nl', roles: ['newcomer'] });
  const bram = await server.addUser({ id: BRAM_ID, email: 'bram@example.nl', password: 'pw', display_name: 'Bram', locale: 'nl', roles: ['buddy'] });
  const { login } = await import('../src/api.testing');
  await login('anna@example.nl', 'pw');
  return { anna, bram };
}

// The phone's data belongs to `user`, who is signed in on it (what a login leaves behind).
export async function signedIn<D extends MaatjeDB>(db: D, user: User): Promise<D> {
  await setMeta(db, 'me', user);
  await setMeta(db, 'last_user_id', user.id);
  return db;
}
