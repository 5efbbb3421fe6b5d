// A buddy or coordinator records a phrase (at most 10 seconds) and queues the clip for upload.
export function Recorder(_props: { phraseId: string; matchId?: string; onSaved?: (id: string) => void }) {
  return null;
}
