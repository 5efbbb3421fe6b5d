// The private calendar feed (backend/calendar/routes.py): online only, over REST.
import { deleteJson, getJson, postJson } from '../../api';

export interface FeedStatus {
  active: boolean;
  created_at: string | null;
}

export interface FeedCreated {
  url: string; // the secret address: the server shows it this once
  created_at: string;
}

export const feedStatus = () => getJson<FeedStatus>('/api/calendar/feed');
export const makeFeed = () => postJson<FeedCreated>('/api/calendar/feed');
export const stopFeed = () => deleteJson<void>('/api/calendar/feed');

// The same address for calendar apps that subscribe through a webcal:// link (iPhone, Outlook).
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
