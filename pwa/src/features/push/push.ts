// Web Push on this device: whether to offer it, subscribing (permission, pushManager, the
// server's key) and forgetting the subscription at logout. Reminders come 24 hours and 1 hour
// before a confirmed meeting (docs/reminders.md); the service worker shows them (sw.ts).
import { ApiError, getJson, postJson, deleteJson } from '../../api';
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';

// "Niet nu" is remembered per user on this phone, and asked again after this many days at most.
export const ASK_AGAIN_DAYS = 30;
const LATER_KEY = 'maatje.push.later.';

export type PushState = 'unsupported' | 'default' | 'denied' | 'granted';

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export function permission(): PushState {
  if (!pushSupported()) return 'unsupported';
  return Notification.permission as PushState;
}

// Whether the user said "Niet nu" less than ASK_AGAIN_DAYS ago (on this phone).
export function isSnoozed(userId: string, now: Date = new Date(), storage: Storage = localStorage): boolean {
  const at = Date.parse(storage.getItem(LATER_KEY + userId) ?? '');
  return Number.isFinite(at) && now.getTime() - at < ASK_AGAIN_DAYS * 86_400_000;
}

export function snooze(userId: string, now: Date = new Date(), storage: Storage = localStorage): void {
  storage.setItem(LATER_KEY + userId, now.toISOString());
}

// The prompt waits for a reason to remind: a confirmed meeting (synced, or chosen on this
// phone and still waiting to be sent).
export function watchHasConfirmedMeeting(db: MaatjeDB): Watch<boolean> {
  return watch(async () => {
    const confirmed = await db.meeting.filter((row) => row.data.status === 'confirmed').count();
    if (confirmed > 0) return true;
    return (await db.outbox.filter((m) => m.name === 'meeting.choose').count()) > 0;
  });
}

// The server's VAPID key (base64url) as the bytes pushManager.subscribe wants.
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported()) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

// Ask permission (the browser's own question), subscribe this device and tell the server.
// Returns the permission that holds afterwards.
export async function subscribeThisDevice(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const answer = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (answer !== 'granted') return answer as PushState;
  const reg = (await registration()) ?? (await navigator.serviceWorker.ready);
  const { public_key } = await getJson<{ public_key: string }>('/api/push/key');
  let subscription = await reg.pushManager.getSubscription();
  const key = keyBytes(public_key);
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe(); // made for another server key: it would never receive ours
    subscription = null;
  }
  subscription ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  await postJson('/api/push/subscriptions', subscription.toJSON());
  return 'granted';
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a) return false;
  const x = new Uint8Array(a);
  return x.length === b.length && x.every((v, i) => v === b[i]);
}

// Whether this device has a subscription already (then the prompt has nothing to offer).
export async function isSubscribed(): Promise<boolean> {
  const reg = await registration();
  return Boolean(await reg?.pushManager.getSubscription());
}

// At logout: the server forgets this device for this user, and the browser drops the
// subscription, so the next person on this phone gets none of these reminders. Never throws:
// a logout must not fail over this.
export async function forgetThisDevice(): Promise<void> {
  try {
    const subscription = await (await registration())?.pushManager.getSubscription();
    if (!subscription) return;
    try {
      await deleteJson('/api/push/subscriptions', { endpoint: subscription.endpoint });
    } catch (error) {
      if (!(error instanceof ApiError)) console.warn('push subscription not deleted on the server', error);
    }
    await subscription.unsubscribe();
  } catch (error) {
    console.warn('push subscription not removed', error);
  }
}
