import { describe, expect, it } from 'vitest';
import type { resolveTarget } from '@/lib/locators';
import { compareFingerprints, computeFingerprint } from '@/lib/locators/fingerprint';
import { record, resolveOn } from './page-pairs';

const captionOf = (result: ReturnType<typeof resolveTarget>) =>
  result.status === 'found' ? (result.element.parentElement?.textContent?.trim() ?? '?') : 'refused';

describe('the name of a control whose caption gained a figure', () => {
  const nameSimilarity = (recorded: string, now: string) => {
    document.body.innerHTML = `<input type="checkbox" aria-label="${recorded}">`;
    const before = computeFingerprint(document.querySelector('input') as Element);
    document.body.innerHTML = `<input type="checkbox" aria-label="${now}">`;
    return compareFingerprints(before, computeFingerprint(document.querySelector('input') as Element)).nameSimilarity;
  };

  it('is the same name: a share or a count is not a word of it', () => {
    expect(nameSimilarity('Pocket Casts', 'Pocket Casts 9%')).toBe(1);
    expect(nameSimilarity('Spotify', 'Spotify (1,204)')).toBe(1);
    expect(nameSimilarity('Standard shipping', 'Standard shipping $4.99')).toBe(1);
  });

  it('is not when a word was added, or when the recorded name had a number of its own', () => {
    expect(nameSimilarity('Pocket Casts', 'Pocket Casts Plus')).toBeLessThan(1);
    expect(nameSimilarity('Table 5', 'Table 5 6')).toBeLessThan(1);
  });
});

describe('a filter whose caption now shows a share or a count beside it', () => {
  const before = `<aside><form id="filters"><fieldset><legend>Platforms</legend>${[
    'Apple Podcasts',
    'Spotify',
    'Overcast',
    'Pocket Casts',
    'YouTube Music',
  ]
    .map(
      (name) =>
        `<div><input type="checkbox" id="plat-${name.replace(/\s/g, '')}" name="platform" value="${name.toLowerCase().replace(/\s/g, '')}"> <label for="plat-${name.replace(/\s/g, '')}">${name}</label></div>`,
    )
    .join('')}</fieldset></form></aside>`;
  const withShares = (rows: readonly [string, string][]) =>
    `<aside><form id="filters"><fieldset><legend>Platforms</legend>${rows
      .map(
        ([name, share]) =>
          `<label><input type="checkbox" name="platform" value="${name.toLowerCase().replace(/\s/g, '')}"> ${name} ${share}</label>`,
      )
      .join('')}</fieldset></form></aside>`;

  it('is the same choice though its id was dropped ("Pocket Casts" → "Pocket Casts 9%")', () => {
    const recorded = record(before, '#plat-PocketCasts');
    const after = withShares([
      ['Apple Podcasts', '41%'],
      ['Spotify', '33%'],
      ['Pocket Casts', '9%'],
      ['Overcast', '7%'],
      ['Amazon Music', '5%'],
      ['YouTube Music', '(1,204)'],
    ]);
    expect(captionOf(resolveOn(after, recorded))).toBe('Pocket Casts 9%');
  });

  it('is still refused when the choice is gone and only others have figures', () => {
    const recorded = record(before, '#plat-PocketCasts');
    const after = withShares([
      ['Apple Podcasts', '41%'],
      ['Spotify', '33%'],
      ['Overcast', '7%'],
      ['Amazon Music', '5%'],
    ]);
    expect(captionOf(resolveOn(after, recorded))).toBe('refused');
  });
});
