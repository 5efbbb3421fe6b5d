/// <reference lib="webworker" />
// The service worker: files only (app shell, icons, i18n catalogs); data lives in IndexedDB.
// install/activate/fetch come from workbox precaching and routing; message handles updates.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

// The build writes the list of files with a revision hash each: a versioned precache.
precacheAndRoute(self.__WB_MANIFEST);
// Activate: delete caches of older precache formats we no longer expect.
cleanupOutdatedCaches();

// Any page address opens the cached shell, so the app starts with no network at all.
// /api/ is never handled here: API answers always come from the network, never from a cache.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//],
  }),
);

// A new version waits until the page says the user is ready (UpdateBanner -> 'skip-waiting').
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting();
});
