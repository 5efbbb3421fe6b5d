// Names and typed text in a translated sentence are isolated (<bdi>), so they read correctly in RTL.
import { describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { formatParts } from '../src/i18n/catalog';
import { T } from '../src/i18n/T';

describe('formatParts', () => {
  it('keeps the sentence and the filled-in values apart, in order', () => {
    expect(formatParts('مرحبًا {name}!', { name: 'Amal H.' })).toEqual(['مرحبًا ', { key: 'name', value: 'Amal H.' }, '!']);
    expect(formatParts('{a} en {b}', { a: 1, b: 'x' })).toEqual([{ key: 'a', value: '1' }, ' en ', { key: 'b', value: 'x' }]);
  });

  it('leaves an unknown placeholder visible as text', () => {
    expect(formatParts('Hallo {name}', {})).toEqual(['Hallo {name}']);
  });
});

describe('<T>', () => {
  it('wraps each filled-in value in a <bdi>, the punctuation stays outside', () => {
    const tree = T({ msg: 'مرحبًا {name}!', name: 'Amal H.' }) as VNode<{ children: Array<string | VNode<{ children: string }>> }>;
    const [before, name, after] = tree.props.children;
    expect(before).toBe('مرحبًا ');
    expect(after).toBe('!');
    expect(typeof name === 'object' && name.type).toBe('bdi');
    expect(typeof name === 'object' && name.props.children).toBe('Amal H.');
  });
});
