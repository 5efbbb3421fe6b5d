// What the screen shows: the stored notices with pending notice.read mutations on top.
import type { Mutation, NoticeData } from '../../types';

export function overlayNotices(base: readonly NoticeData[], pending: readonly Mutation[]): NoticeData[] {
  const read = new Set<string>();
  for (const m of pending) {
    if (m.name === 'notice.read' && Array.isArray(m.args.ids)) m.args.ids.forEach((id) => read.add(String(id)));
  }
  return base.map((n) => (read.has(n.id) && !n.read ? { ...n, read: true } : n));
}
