// Runs a local change (a queued mutation) from a form: a write the phone refuses (a full disk, a
// logout running in another tab) is kept as text for the form to show; anything else is a bug.
import { useState } from 'preact/hooks';
import { refusedText } from './SessionNotice';

export function useQueuedChange(): { refused: string; run: (change: () => Promise<unknown>) => Promise<boolean> } {
  const [refused, setRefused] = useState('');
  async function run(change: () => Promise<unknown>): Promise<boolean> {
    setRefused('');
    try {
      await change();
      return true;
    } catch (error) {
      const text = refusedText(error);
      if (text === null) throw error;
      setRefused(text);
      return false;
    }
  }
  return { refused, run };
}
