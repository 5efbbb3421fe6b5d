// A value that screens can watch; subscribe() calls back at once and returns an unsubscribe.
export interface Observable<T> {
  get(): T;
  set(value: T): void;
  subscribe(cb: (value: T) => void): () => void;
}

export function observable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((cb) => cb(next));
    },
    subscribe(cb) {
      listeners.add(cb);
      cb(value);
      return () => listeners.delete(cb);
    },
  };
}
