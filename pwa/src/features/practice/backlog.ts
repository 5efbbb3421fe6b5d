// Backlog spreading after missed days (docs/phrases.md): pure.
export interface BacklogInput {
  dueToday: string[]; // became due today (or were already due on the last practice day), most overdue first
  backlog: string[]; // became due while away, most overdue first
  daysAway: number; // whole days without practice before today
}

export function spreadBacklog(input: BacklogInput): string[] {
  void input;
  throw new Error('not yet'); // TODO(praccore)
}
