// Names the open screen in the browser tab and in the screen reader's window title.
import { useEffect } from 'preact/hooks';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Maatje` : 'Maatje';
  }, [title]);
}
