import { afterEach, describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

afterEach(() => {
  document.body.innerHTML = '';
});

function record(html: string, selector: string) {
  document.body.innerHTML = html;
  return describeElement(document.querySelector(selector) as Element);
}

const owner = (legend: string, prefix: string) => `<fieldset><legend>${legend}</legend>
  <label for="${prefix}-first">First name</label><input id="${prefix}-first" name="${prefix}.first">
  <label for="${prefix}-email">Email</label><input id="${prefix}-email" type="email" name="${prefix}.email">
  <label for="${prefix}-phone">Mobile phone</label><input id="${prefix}-phone" type="tel" name="${prefix}.phone"></fieldset>`;

const BEFORE = `<main><h1>New client registration</h1><form id="intake">${owner('Owner', 'owner')}
  <fieldset><legend>Pet</legend><label for="pet">Pet name</label><input id="pet" name="pet.name"></fieldset>
  <button>Register</button></form></main>`;

describe('a section that gained a second copy', () => {
  it('is found in the copy now called primary ("Owner" → "Primary owner" beside "Second owner")', () => {
    const target = record(BEFORE, '#owner-phone');
    document.body.innerHTML = `<main><h1>New client registration</h1><form id="intake">
      ${owner('Primary owner', 'r1')}${owner('Second owner <span>(optional)</span>', 'r2')}
      <fieldset><legend>Pet</legend><label for="pet">Pet name</label><input id="pet" name="pet.name"></fieldset>
      <button>Register</button></form></main>`;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('r1-phone');
  });

  it('is not the added copy when the section called primary is not there', () => {
    const target = record(BEFORE, '#owner-phone');
    document.body.innerHTML = `<main><h1>New client registration</h1><form id="intake">
      ${owner('Account holder', 'r1')}${owner('Second owner', 'r2')}
      <fieldset><legend>Pet</legend><label for="pet">Pet name</label><input id="pet" name="pet.name"></fieldset>
      <button>Register</button></form></main>`;
    const result = resolveTarget(document, target);
    if (result.status === 'found') expect(result.element.id).not.toBe('r2-phone');
  });

  it('is not the added copy even when that copy took the recorded id', () => {
    const target = record(BEFORE, '#owner-phone');
    document.body.innerHTML = `<main><h1>New client registration</h1><form id="intake">
      ${owner('Account holder', 'r1')}${owner('Second owner', 'owner')}
      <fieldset><legend>Pet</legend><label for="pet">Pet name</label><input id="pet" name="pet.name"></fieldset>
      <button>Register</button></form></main>`;
    const result = resolveTarget(document, target);
    if (result.status === 'found') expect(result.element.id).not.toBe('owner-phone');
  });
});
