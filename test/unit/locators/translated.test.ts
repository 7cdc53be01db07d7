import { describe, expect, it } from 'vitest';
import { computeFingerprint, differentLanguages } from '@/lib/locators/fingerprint';

describe('language of a recorded element', () => {
  it('is the nearest lang attribute, through an open shadow root to its host', () => {
    document.body.innerHTML = '<section lang="de-AT"><x-card></x-card></section><p lang="">no</p>';
    const shadow = (document.querySelector('x-card') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button>Speichern</button>';
    expect(computeFingerprint(shadow.querySelector('button') as Element).lang).toBe('de-at');
    document.documentElement.removeAttribute('lang');
    expect(computeFingerprint(document.querySelector('p') as Element).lang).toBeUndefined();
  });

  it('differs only when both are known and their primary subtags differ', () => {
    expect(differentLanguages('en-gb', 'en')).toBe(false);
    expect(differentLanguages('en', 'fr-ca')).toBe(true);
    expect(differentLanguages(undefined, 'fr')).toBe(false);
    expect(differentLanguages('ja', undefined)).toBe(false);
  });
});
