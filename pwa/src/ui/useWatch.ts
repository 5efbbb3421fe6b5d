// Feeds a component from a watcher (liveQuery or observable); unsubscribes on unmount.
import { useEffect, useState } from 'preact/hooks';

type Watch<T> = (cb: (value: T) => void) => () => void;

export function useWatch<T>(watch: Watch<T> | null, initial: T, deps: readonly unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => (watch ? watch(setValue) : undefined), deps);
  return value;
}

// Re-renders when the browser goes on- or offline.
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
