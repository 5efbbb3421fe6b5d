// The newcomer records their own try of a phrase and compares it with the model voice.
export function AttemptRecorder(_props: { phraseId: string; matchId?: string }) {
  return null;
}
