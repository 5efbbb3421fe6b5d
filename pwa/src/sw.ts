/// <reference lib="webworker" />
// The service worker: files only (app shell, icons, i18n catalogs); data lives in IndexedDB.
// install/activate/fetch come from workbox precaching and routing; message handles updates.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { AUDIO_CACHE, isAudioPath } from './features/audio/cache-name';

declare const self: ServiceWorkerGlobalScope;

// The build writes the list of files with a revision hash each: a versioned precache.
precacheAndRoute(self.__WB_MANIFEST);
// Activate: delete caches of older precache formats we no longer expect.
cleanupOutdatedCaches();

// Any page address opens the cached shell, so the app starts with no network at all.
// /api/ is never handled here: API answers come from the network (audio files aside, below).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//],
  }),
);

// Audio (docs/phrases.md "Audio") is a file, not data: clips never change under their id, so
// they are answered from `maatje-user-audio` first, and what the network answers is kept there (the
// whole file: an <audio> asks for byte ranges, and a 206 cannot be cached).
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET' && isAudioPath(url.pathname),
  async ({ request }) => {
    const cache = await caches.open(AUDIO_CACHE);
    const hit = await cache.match(request.url);
    if (hit) return hit;
    const response = await fetch(request.url, { credentials: 'same-origin' });
    if (response.status === 200) await cache.put(request.url, response.clone());
    return response;
  },
);

// A new version waits until the page says the user is ready (UpdateBanner -> 'skip-waiting').
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting();
});

// Web Push (backend/reminders): the server sends {title, body, url, tag, lang, dir}, encrypted
// for this device. Every push shows a notification (userVisibleOnly); a reminder of the same
// meeting (tag) replaces the earlier one.
interface PushPayload {
  title?: string;
  body?: string;
  url?: string;
  tag?: string;
  lang?: string;
  dir?: NotificationDirection;
}

// Only a path of this app is ever opened from a notification: the url is read the way the
// browser will read it ("/\t/evil.com" and "//evil.com" are another site) and kept only if it
// stays on this origin; anything else opens the home screen.
function ownUrl(url: unknown): string {
  if (typeof url !== 'string' || !url) return '/';
  try {
    const parsed = new URL(url, self.location.origin);
    return parsed.origin === self.location.origin ? parsed.pathname + parsed.search + parsed.hash : '/';
  } catch {
    return '/';
  }
}

self.addEventListener('push', (event) => {
  let payload: PushPayload = {};
  try {
    payload = (event.data?.json() ?? {}) as PushPayload;
  } catch {
    payload = { body: event.data?.text() ?? '' };
  }
  event.waitUntil(
    self.registration.showNotification(payload.title || 'Maatje', {
      body: payload.body ?? '',
      tag: payload.tag,
      data: { url: ownUrl(payload.url) },
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: payload.lang,
      dir: payload.dir ?? 'auto',
    }),
  );
});

// Tapping the notification: an open window of the app goes to the meeting, else a new one opens.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = ownUrl((event.notification.data as { url?: string } | null)?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        const focused = await open.focus().catch(() => open); // focus may be refused; go there all the same
        await focused.navigate(url).catch(() => self.clients.openWindow(url));
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
