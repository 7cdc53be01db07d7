import { afterEach, describe, expect, it } from 'vitest';
import { accessibleName, labelText } from '@/lib/locators/dom';
import { computeFingerprint } from '@/lib/locators/fingerprint';
import { cachedOfText, withReadCache } from '@/lib/locators/read-cache';
import { contentTokens, equalText, tokenize } from '@/lib/locators/text';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reads answered once within a resolution', () => {
  it('answers a repeated read from the first one inside withReadCache, and reads afresh outside it', () => {
    document.body.innerHTML = '<label for="email">Email</label><input id="email">';
    const input = document.querySelector('input') as HTMLInputElement;
    const label = document.querySelector('label') as HTMLLabelElement;
    const inside = withReadCache(() => {
      const first = [labelText(input), accessibleName(input), computeFingerprint(input).name];
      // A resolution never changes the page; doing so here shows the answers come from the first read.
      label.textContent = 'Work email';
      const again = [labelText(input), accessibleName(input), computeFingerprint(input).name];
      const read = computeFingerprint(input);
      return { first, again, same: read === computeFingerprint(input) };
    });
    expect(inside.first).toEqual(['Email', 'Email', 'Email']);
    expect(inside.again).toEqual(inside.first);
    expect(inside.same).toBe(true);
    expect([labelText(input), accessibleName(input), computeFingerprint(input).name]).toEqual([
      'Work email',
      'Work email',
      'Work email',
    ]);
  });

  it('keeps names per role apart and never shares a fingerprint read with geometry', () => {
    document.body.innerHTML = '<button aria-label="Close">×</button>';
    const button = document.querySelector('button') as HTMLButtonElement;
    withReadCache(() => {
      expect(accessibleName(button, 'button')).toBe('Close');
      expect(accessibleName(button, 'img')).toBe('Close');
      const plain = computeFingerprint(button);
      const withGeometry = computeFingerprint(button, { geometry: true });
      expect(withGeometry).not.toBe(plain);
      expect(computeFingerprint(button, { geometry: true })).not.toBe(withGeometry);
    });
  });

  it('nests: an inner withReadCache shares the outer one, which ends with the outermost', () => {
    document.body.innerHTML = '<label for="q">Search</label><input id="q">';
    const input = document.querySelector('input') as HTMLInputElement;
    const label = document.querySelector('label') as HTMLLabelElement;
    withReadCache(() => {
      expect(labelText(input)).toBe('Search');
      withReadCache(() => {
        label.textContent = 'Find';
        expect(labelText(input)).toBe('Search');
      });
      expect(labelText(input)).toBe('Search');
    });
    expect(labelText(input)).toBe('Find');
  });
});

describe('texts split once within a resolution', () => {
  it('derives a text once per kind inside withReadCache, every time outside it', () => {
    let derived = 0;
    const count = (text: string) => {
      derived++;
      return text.length;
    };
    withReadCache(() => {
      expect(cachedOfText('length', 'Net CPM', count)).toBe(7);
      expect(cachedOfText('length', 'Net CPM', count)).toBe(7);
      expect(cachedOfText('other kind', 'Net CPM', count)).toBe(7);
    });
    expect(derived).toBe(2);
    cachedOfText('length', 'Net CPM', count);
    cachedOfText('length', 'Net CPM', count);
    expect(derived).toBe(4);
  });

  it('hands out copies of the words, so a caller changing them changes nothing for the next', () => {
    withReadCache(() => {
      const first = tokenize('Mark call complete');
      first.push('changed');
      contentTokens('Save the draft').pop();
      expect(tokenize('Mark call complete')).toEqual(['mark', 'call', 'complete']);
      expect(contentTokens('Save the draft')).toEqual(['save', 'draft']);
      expect(equalText(' Net  CPM ', 'net cpm')).toBe(true);
    });
  });
});
