// Two phones of a pair against the real server: Anna (newcomer) on "phone", Bram (buddy) on
// "bram", an active match between them, each phone synced once (so each knows its match_offer).
import * as twin from '../src/api.testing';
import { server } from '../src/api.testing';
import type { MaatjeDB } from '../src/store/db';
import { syncOnce } from '../src/sync/engine';
import type { Watch } from '../src/sync/views';
import { ANNA_ID, BRAM_ID, freshDb, seedServer, signedIn } from './helpers';

export interface Pair {
  matchId: string;
  anna: MaatjeDB;
  bram: MaatjeDB;
  // Run one sync round on a phone, with that phone's cookies.
  sync: (db: MaatjeDB) => Promise<unknown>;
}

export async function pairOnServer(): Promise<Pair> {
  const { anna, bram } = await seedServer(); // Anna is logged in on "phone"
  const scope = await server.match(ANNA_ID, BRAM_ID);
  const annaDb = await signedIn(freshDb(), anna);
  const bramDb = await signedIn(freshDb(), bram);
  server.useDevice('bram');
  await twin.login('bram@example.nl', 'pw');
  server.useDevice('phone');
  const sync = async (db: MaatjeDB) => {
    server.useDevice(db === bramDb ? 'bram' : 'phone');
    try {
      return await syncOnce(db);
    } finally {
      server.useDevice('phone');
    }
  };
  await sync(annaDb);
  await sync(bramDb);
  return { matchId: scope.replace(/^match:/, ''), anna: annaDb, bram: bramDb, sync };
}

export function first<T>(watch: Watch<T>): Promise<T> {
  return new Promise((resolve) => {
    const stop = watch((value) => {
      resolve(value);
      setTimeout(stop);
    });
  });
}

// Today in Amsterdam (the server's "not in the future" is an Amsterdam day).
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
