// Cache Storage that holds one person's data (recorded voices of their pair, of their branch):
// every such cache is named with this prefix, and sync/owner.ts deletes them all whenever the
// phone's data stops being that person's (another login, a deliberate logout), like the tables.
export const PRIVATE_CACHE_PREFIX = 'maatje-user-';

export async function deletePrivateCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PRIVATE_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
