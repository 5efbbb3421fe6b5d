// Registers /sw.js from the page (no inline script: CSP is script-src 'self') and offers updates.
import { observable } from './observable';

export const updateReady = observable(false);
let waiting: ServiceWorker | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  // Reload once the new worker has taken over, so page and worker are the same version.
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((registration) => {
      const offer = (worker: ServiceWorker | null) => {
        // Only an update waits while another worker controls the page; a first install does not.
        if (worker && navigator.serviceWorker.controller) {
          waiting = worker;
          updateReady.set(true);
        }
      };
      offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
      });
    })
    .catch((error) => console.warn('service worker not registered', error));
}

export function applyUpdate(): void {
  waiting?.postMessage('skip-waiting');
}

// "Reload" on the outdated-app badge: a plain reload keeps the old worker while a new one
// waits, so take the waiting worker (the controllerchange above reloads), or look for one first.
export async function reloadApp(): Promise<void> {
  if (waiting) return applyUpdate();
  const registration = await navigator.serviceWorker?.getRegistration();
  await registration?.update().catch(() => undefined);
  if (registration?.waiting) registration.waiting.postMessage('skip-waiting');
  else location.reload();
}
