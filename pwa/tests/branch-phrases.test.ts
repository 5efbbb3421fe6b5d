// The coordinator's phrase form shows the server's 422 at the field it is about, translations
// per language included (the one error shape: {errors: {field: [messages]}}).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/errors';
import { fieldErrors } from '../src/features/coordinator/PhraseForm';

describe("the branch phrase form's errors", () => {
  it('takes the first message of each field, and of each language of the translations', () => {
    const error = new ApiError(422, 'Unprocessable Entity', 'Controleer de zin.', {
      nl: ['Vul de zin in.', 'Te lang.'],
      theme: ['Kies een thema.'],
      translations: { xx: { key: ['Deze taal kennen we niet.'] }, ar: { value: ['Te lang.'] } },
    } as unknown as Record<string, string[]>);
    expect(fieldErrors(error)).toEqual({
      nl: 'Vul de zin in.',
      theme: 'Kies een thema.',
      't-xx': 'Deze taal kennen we niet.',
      't-ar': 'Te lang.',
      translations: 'Deze taal kennen we niet.',
    });
  });

  it('has nothing to place for a network failure', () => {
    expect(fieldErrors(new Error('offline'))).toEqual({});
  });
});
