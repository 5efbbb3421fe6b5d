// While a form holds unsaved edits, leaving asks first: a link inside the app and the back
// button (window.confirm), and closing or reloading the tab (the browser's own beforeunload question).
import { useEffect } from 'preact/hooks';

// Only links the router would follow: another path of this app (not #main, not a new tab).
function leavesScreen(event: MouseEvent): boolean {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
  const link = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && !!el.href);
  if (!link || link.origin !== location.origin || link.target || link.getAttribute('href')?.startsWith('#')) return false;
  return link.pathname !== location.pathname;
}

// The back (or forward) button: the address has already changed when popstate comes, and the
// event cannot be cancelled. Window listeners run in the order they were added, so this one is
// added at boot, before the router's: staying puts the screen's address back, and the router
// never hears of the move.
let guarded: { here: string; question: string } | null = null;

export function installBackGuard(): void {
  window.addEventListener('popstate', (event) => {
    if (!guarded || location.pathname + location.search === guarded.here || window.confirm(guarded.question)) return;
    event.stopImmediatePropagation();
    history.pushState(null, '', guarded.here);
  });
}

export function useLeaveGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      if (!leavesScreen(event) || window.confirm(question)) return;
      // Captured before the router's own listener: stopping it here keeps the screen and its edits.
      event.preventDefault();
      event.stopPropagation();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older Chromium asks only when returnValue is set
    };
    guarded = { here: location.pathname + location.search, question };
    window.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guarded = null;
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, question]);
}
