// Live offers for the screens: the synced match_offer rows with pending answers on top.
import type { MaatjeDB } from '../../store/db';
import { pendingMutations } from '../../sync/outbox';
import { watch, type Watch } from '../../sync/views';
import { byRelevance, overlayOffers, type Offer } from './overlay';

async function loadOffers(db: MaatjeDB): Promise<Offer[]> {
  const [rows, pending] = await Promise.all([db.match_offer.toArray(), pendingMutations(db)]);
  return byRelevance(overlayOffers(rows.map((r) => r.data), pending));
}

export function watchOffers(db: MaatjeDB): Watch<Offer[]> {
  return watch(() => loadOffers(db));
}

// By the match id (the address /maatje/<match id>).
export function watchOffer(db: MaatjeDB, matchId: string): Watch<Offer | null> {
  return watch(async () => (await loadOffers(db)).find((o) => o.match_id === matchId) ?? null);
}
