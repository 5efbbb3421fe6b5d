/// <reference types="node" />
// The store's schema decides what is synced; sync code names no feature; an entity the app does
// not know stops the pull until the app is updated, instead of being skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../src/api.testing';
import { getMeta, MaatjeDB, syncedTables, type Row } from '../src/store/db';
import { syncOnce } from '../src/sync/engine';
import { ANNA_ID, freshDb, seedServer, signedIn } from './helpers';
import type { User } from '../src/types';

const BULLETIN_ID = '33333333-3333-4333-8333-333333333333';

// The app after an update that brings a new entity: one new synced table, one local-only table.
class UpdatedDB extends MaatjeDB {
  bulletin!: Table<Row<{ id: string; title: string }>, string>;

  constructor(name: string) {
    super(name);
    this.version(100).stores({ bulletin: 'id, scope', draft: 'id' });
  }
}

let anna: User;

beforeEach(async () => {
  ({ anna } = await seedServer());
});

describe('the synced tables come from the schema', () => {
  it('are exactly the tables with a scope index', () => {
    const today = ['activity', 'goal', 'match_offer', 'meeting', 'notice', 'org_phrase', 'phrase_audio', 'practice', 'practice_share', 'profile', 'review'];
    expect([...syncedTables(freshDb()).keys()].sort()).toEqual(today);
    expect([...syncedTables(new UpdatedDB('schema-only')).keys()].sort()).toEqual(['bulletin', ...today].sort());
  });

  it('a new table with a scope index is synced without touching sync code', async () => {
    const db = await signedIn(new UpdatedDB(`updated-${Math.random()}`), anna);
    await server.putRow('bulletin', BULLETIN_ID, `user:${ANNA_ID}`, { id: BULLETIN_ID, title: 'Koffie' });
    expect(await syncOnce(db)).toBeNull();
    expect((await db.bulletin.get(BULLETIN_ID))?.data.title).toBe('Koffie');
    expect(await db.table('draft').count()).toBe(0);
  });
});

describe('an entity the app does not know', () => {
  it('stops the page and the cursor, says the app must be updated, and arrives after the update', async () => {
    const name = `old-${Math.random()}`;
    const old = await signedIn(new MaatjeDB(name), anna);
    await server.putRow('bulletin', BULLETIN_ID, `user:${ANNA_ID}`, { id: BULLETIN_ID, title: 'Koffie' });

    expect(await syncOnce(old)).toBe('outdated');
    expect(await getMeta(old, 'sync_problem')).toBe('outdated');
    expect(await getMeta(old, 'cursor')).toBeUndefined(); // the cursor did not move past the bulletin
    expect(await old.profile.count()).toBe(0); // nothing of that page was applied
    old.close();

    const updated = new UpdatedDB(name); // the same phone, after the app update
    expect(await syncOnce(updated)).toBeNull();
    expect((await updated.bulletin.get(BULLETIN_ID))?.data.title).toBe('Koffie');
    expect((await updated.profile.get(ANNA_ID))?.data).toMatchObject({ display_name: 'Anna' });
  });
});

describe('pwa/src/sync names no feature', () => {
  const dir = fileURLToPath(new URL('../src/sync', import.meta.url));
  const entities = [...syncedTables(freshDb()).keys()];

  it.each(readdirSync(dir))('%s imports no feature and names no entity', (file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    expect(code).not.toMatch(/from ['"][./]*features\//);
    for (const entity of entities) expect(code).not.toMatch(new RegExp(`\\b${entity}`, 'i'));
  });
});
