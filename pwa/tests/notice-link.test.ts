// A notice's "Openen" link only ever opens a page of this app: the link is read the way the
// browser reads it, and another site (however it is spelled) gets no link at all.
import { describe, expect, it } from 'vitest';
import { ownPath } from '../src/features/notices/NoticesScreen';

const ORIGIN = 'https://maatje.example.nl';

describe('ownPath', () => {
  it('keeps a path of this app, with its query and fragment', () => {
    expect(ownPath('/maatje/m1/afspraak/a1', ORIGIN)).toBe('/maatje/m1/afspraak/a1');
    expect(ownPath('/meldingen?x=1#top', ORIGIN)).toBe('/meldingen?x=1#top');
    expect(ownPath(`${ORIGIN}/maatje/m1`, ORIGIN)).toBe('/maatje/m1');
  });

  it.each([
    '//evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    ' //evil.com',
    'https://evil.com/maatje',
    'http://maatje.example.nl/maatje/m1', // another scheme is another origin
    'https://maatje.example.nl.evil.com/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses %j', (link) => {
    expect(ownPath(link, ORIGIN)).toBeNull();
  });

  it('gives no link for nothing', () => {
    expect(ownPath(null, ORIGIN)).toBeNull();
    expect(ownPath(undefined, ORIGIN)).toBeNull();
    expect(ownPath('', ORIGIN)).toBeNull();
  });
});
