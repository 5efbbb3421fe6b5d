// The buddy sign-up's form state: the client's checks per step (as the server decides), where a
// server error is shown, the payload, the draft that survives a reload without the password,
// and the search among the municipalities.
import { describe, expect, it } from 'vitest';
import {
  ageOn, checkStep, emptyDraft, findMunicipalities, firstStepWith, loadDraft, saveDraft, serverFieldErrors,
  stepOf, toPayload, DRAFT_KEY, type SignupDraft,
} from '../src/features/signup/form';

const TODAY = '2026-11-30';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

function filled(overrides: Partial<SignupDraft> = {}): SignupDraft {
  return {
    ...emptyDraft(), display_name: 'Sanne', email: 'sanne@example.org', password: 'zon-over-de-vecht',
    repeat: 'zon-over-de-vecht', kind: 'volunteer', languages: ['nl', 'ar'], municipality: 'GM0344', consent: true,
    ...overrides,
  };
}

describe('the steps check what the server would refuse', () => {
  it('a filled-in volunteer passes every step', () => {
    for (const step of ['about', 'kind', 'languages', 'interests', 'availability', 'place', 'consent'] as const) {
      expect(checkStep(step, filled(), TODAY), step).toEqual({});
    }
  });

  it('who you are: a name, an address, a long enough password typed twice alike', () => {
    const errors = checkStep('about', filled({ display_name: ' ', email: 'sanne@', password: 'kort', repeat: 'anders' }), TODAY);
    expect(Object.keys(errors).sort()).toEqual(['display_name', 'email', 'password', 'repeat']);
    expect(errors.password).toBe('Minstens 10 tekens.');
  });

  it('MDT: 12 to 30 years old on the day, as the server counts birthdays', () => {
    const mdt = (birth_date: string) =>
      checkStep('kind', filled({ kind: 'mdt', birth_date, mdt_start: '2026-12-01', mdt_end: '2027-04-30' }), TODAY);
    expect(mdt('1996-11-30')).toEqual({}); // turns 30 today
    expect(mdt('1995-12-01')).toEqual({}); // turns 31 tomorrow: 30 today
    expect(mdt('1995-11-30').birth_date).toBe('MDT is voor jongeren van 12 tot en met 30 jaar.'); // 31 today
    expect(mdt('2014-11-30')).toEqual({}); // 12 today
    expect(mdt('2014-12-01').birth_date).toBe('MDT is voor jongeren van 12 tot en met 30 jaar.'); // 11
    expect(mdt('').birth_date).toBe('Vul je geboortedatum in: MDT is voor jongeren van 12 tot en met 30.');
  });

  it('MDT: a service period that ends after it begins, at most six months, not over', () => {
    const period = (mdt_start: string, mdt_end: string) =>
      checkStep('kind', filled({ kind: 'mdt', birth_date: '2005-06-01', mdt_start, mdt_end }), TODAY).mdt_end;
    expect(period('2026-12-01', '2026-11-01')).toBe('Het einde moet na het begin liggen.');
    expect(period('2026-12-01', '2027-07-01')).toBe('Een MDT-periode duurt hoogstens zes maanden.');
    expect(period('2026-01-01', '2026-06-01')).toBe('Deze diensttijd is al voorbij.');
    expect(period('2026-12-01', '')).toBe('Vul het begin en einde van je diensttijd in.');
    expect(period('2026-12-01', '2027-05-31')).toBeUndefined();
  });

  it('a volunteer is not asked for MDT dates, and the other steps need their choice', () => {
    expect(checkStep('kind', filled({ birth_date: '' }), TODAY)).toEqual({});
    expect(checkStep('kind', filled({ kind: '' }), TODAY)).toHaveProperty('kind');
    expect(checkStep('languages', filled({ languages: [] }), TODAY)).toHaveProperty('languages');
    expect(checkStep('place', filled({ municipality: '' }), TODAY)).toHaveProperty('municipality');
    expect(checkStep('place', filled({ capacity: 4 }), TODAY)).toHaveProperty('capacity');
    expect(checkStep('consent', filled({ consent: false }), TODAY)).toHaveProperty('consent');
    expect(checkStep('availability', filled({ availability: [{ day: 1, start: '09:00', end: '12:00' },
      { day: 2, start: '14:00', end: '13:00' }] }), TODAY)).toEqual({ 'availability.1': 'De eindtijd moet na de begintijd liggen.' });
  });
});

describe('age', () => {
  it('counts whole years; the birthday itself counts', () => {
    expect(ageOn('1996-11-30', TODAY)).toBe(30);
    expect(ageOn('1995-12-01', TODAY)).toBe(30);
    expect(ageOn('1995-11-30', TODAY)).toBe(31);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('', TODAY)).toBeNull();
    expect(ageOn('2001-02-30', TODAY)).toBeNull();
  });
});

describe('server errors go to their step', () => {
  it('flattens nested errors and picks the first step that shows one', () => {
    const fields = serverFieldErrors({ municipality: ['Deze gemeente kennen we niet.'],
      availability: { 1: { end: ['Ongeldig.'] } }, birth_date: ['Te oud.'] });
    expect(fields).toEqual({ municipality: ['Deze gemeente kennen we niet.'], availability: ['Ongeldig.'], birth_date: ['Te oud.'] });
    expect(firstStepWith(fields)).toBe('kind');
    expect(stepOf('privacy_version')).toBe('consent');
    expect(stepOf('password')).toBe('about');
    expect(firstStepWith({ something_new: ['?'] })).toBeNull();
  });
});

describe('the payload', () => {
  it('sends MDT fields only for MDT, the app language when none was chosen, and the privacy version', () => {
    const volunteer = toPayload(filled({ birth_date: '1990-01-01', mdt_start: '2026-12-01' }), 'ar', '2026-11');
    expect(volunteer).toMatchObject({ locale: 'ar', kind: 'volunteer', gender: null, birth_date: null, mdt_start: null,
      privacy_version: '2026-11', municipality: 'GM0344', capacity: 1 });
    expect(volunteer).not.toHaveProperty('repeat');
    expect(volunteer).not.toHaveProperty('consent');
    const mdt = toPayload(filled({ kind: 'mdt', locale: 'ti', gender: 'female', birth_date: '2005-06-01', mdt_start: '2026-12-01',
      mdt_end: '2027-05-01', display_name: ' Sanne ' }), 'nl', '2026-11');
    expect(mdt).toMatchObject({ locale: 'ti', gender: 'female', birth_date: '2005-06-01', mdt_end: '2027-05-01', display_name: 'Sanne' });
  });
});

describe('the draft', () => {
  it('survives a reload with its step, but never keeps the password', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, filled({ interests: ['music'] }), 'place');
    expect(storage.getItem(DRAFT_KEY)).not.toContain('zon-over-de-vecht');
    const { draft, step } = loadDraft(storage);
    expect(step).toBe('place');
    expect(draft).toEqual({ ...filled({ interests: ['music'] }), password: '', repeat: '' });
  });

  it('starts empty from nothing, from garbage, or from fields of the wrong type', () => {
    const storage = new MemoryStorage();
    expect(loadDraft(storage)).toEqual({ draft: emptyDraft(), step: 'about' });
    storage.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(storage)).toEqual({ draft: emptyDraft(), step: 'about' });
    storage.setItem(DRAFT_KEY, JSON.stringify({ step: 'nope', draft: { languages: 'nl', capacity: 2, password: 'x' } }));
    expect(loadDraft(storage)).toEqual({ draft: { ...emptyDraft(), capacity: 2 }, step: 'about' });
  });
});

describe('finding a municipality', () => {
  const all = [
    { code: 'GM0344', name: 'Utrecht', province: 'Utrecht' },
    { code: 'GM0345', name: 'Veenendaal', province: 'Utrecht' },
    { code: 'GM1900', name: 'Súdwest-Fryslân', province: 'Fryslân' },
    { code: 'GM0796', name: "'s-Hertogenbosch", province: 'Noord-Brabant' },
    { code: 'GM0321', name: 'Houten', province: 'Utrecht' },
    { code: 'GM0632', name: 'Woerden', province: 'Utrecht' },
    { code: 'GM0363', name: 'Amsterdam', province: 'Noord-Holland' },
  ];
  const names = (q: string) => findMunicipalities(all, q).map((m) => m.name);

  it('ignores case, accents, punctuation and the leading \'s-', () => {
    expect(names('utr')).toEqual(['Utrecht']);
    expect(names('sudwest fryslan')).toEqual(['Súdwest-Fryslân']);
    expect(names('HERTOGENBOSCH')).toEqual(["'s-Hertogenbosch"]);
    expect(names('  ')).toEqual([]);
  });

  it('puts names with a word beginning with it first, then other matches', () => {
    expect(names('h')).toEqual(["'s-Hertogenbosch", 'Houten', 'Utrecht']); // Utrecht only contains an h
    expect(names('fryslan')).toEqual(['Súdwest-Fryslân']); // the second word
    expect(names('en')).toEqual(['Veenendaal', "'s-Hertogenbosch", 'Houten', 'Woerden']); // none begins with it: as listed
    expect(findMunicipalities(all, 'e', 3)).toHaveLength(3);
  });
});
