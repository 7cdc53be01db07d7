import { describe, expect, it } from 'vitest';
import { keepsOwnNameFigures } from '@/lib/locators/resolve';
import type { Fingerprint } from '@/lib/locators/schema';
import { record, resolveOn } from './page-pairs';

describe('a shift slot among commands named alike', () => {
  const tasks: Record<string, string> = {
    'Morning check': 'Open, stock rotation, temperature log',
    'Temperature check': 'Read and log fridge and freezer temperatures',
    'Deep clean': 'Empty, wash and sanitise shelves',
  };
  const slot = (time: string, title: string) =>
    `<div class="shift"><span>${time}</span><div><strong>${title}</strong><div>${tasks[title]}</div></div><span>0 of 1</span><button type="button">Sign up</button></div>`;
  const day = (heading: string, slots: string) => `<section><h3>${heading}</h3>${slots}</section>`;
  const page = (thursday: string) =>
    `<main><h1>Rota</h1>${day('Thursday 14 March', thursday)}${day('Friday 15 March', `${slot('09:00–10:00', 'Morning check')}${slot('17:00–18:00', 'Temperature check')}`)}</main>`;
  const recorded = page(
    `${slot('09:00–10:00', 'Morning check')}${slot('17:00–18:00', 'Temperature check')}${slot('18:00–19:00', 'Temperature check')}${slot('19:00–20:30', 'Deep clean')}`,
  );
  const target = () => record(recorded, 'section:nth-of-type(1) > div:nth-of-type(2) > button');

  it('is not the later slot when the recorded one was cancelled', () => {
    const after = page(
      `${slot('09:00–10:00', 'Morning check')}${slot('18:00–19:00', 'Temperature check')}${slot('19:00–20:30', 'Deep clean')}`,
    );
    expect(resolveOn(after, target()).status).not.toBe('found');
  });

  it("is the recorded day's slot when another day's reads as it did", () => {
    // Someone signed up for the recorded slot; Friday's 17:00 one now reads as the recorded one did.
    const after = page(
      `${slot('09:00–10:00', 'Morning check')}${slot('17:00–18:00', 'Temperature check').replace('0 of 1', '1 of 1')}${slot('18:00–19:00', 'Temperature check')}${slot('19:00–20:30', 'Deep clean')}`,
    );
    const result = resolveOn(after, target());
    expect(result.status === 'found' && result.element.closest('section')?.querySelector('h3')?.textContent).toBe(
      'Thursday 14 March',
    );
  });

  it('is found where it still is', () => {
    const after = page(
      `${slot('18:00–19:00', 'Temperature check')}${slot('09:00–10:00', 'Morning check')}${slot('17:00–18:00', 'Temperature check')}${slot('19:00–20:30', 'Deep clean')}`,
    );
    const result = resolveOn(after, target());
    expect(result.status === 'found' && result.element.parentElement?.textContent).toContain('17:00–18:00');
  });
});

describe('an offer under a heading whose date moved on', () => {
  const card = (product: string, price: string) =>
    `<div class="card"><strong>${product}</strong><span>${price}</span><button type="button">Add</button></div>`;
  const page = (ends: string) =>
    `<main><h1>Offers</h1><section><h2>Big savings · ends Tuesday ${ends} October</h2><div>${card('Free-range eggs 12 pack', '£2.10')}${card('Whole milk 2 l', '£1.25')}${card('Sourdough loaf', '£1.80')}</div></section></main>`;

  it('is found when the date moved on for the whole page, not only for its section', () => {
    const target = record(page('21'), 'div.card:nth-of-type(1) > button');
    const result = resolveOn(page('28'), target);
    expect(result.status === 'found' && result.element.parentElement?.textContent).toContain('eggs');
  });
});

describe('the figures of a translated name', () => {
  const boxes = (name: string, neighbours: string[]): Fingerprint => ({
    tag: 'input',
    type: 'checkbox',
    role: 'checkbox',
    name,
    attrs: {},
    classes: [],
    index: 0,
    count: 1,
    neighbours,
  });
  const unnumbered = boxes('Two interpreters needed (appointments over 90 minutes)', [
    'deafblind interpreting needed',
    'this appointment repeats',
  ]);

  it('set a box apart from unnumbered look-alikes when it kept them', () => {
    expect(keepsOwnNameFigures(unnumbered, 'Se necesitan dos intérpretes (citas de más de 90 minutos)')).toBe(true);
    expect(keepsOwnNameFigures(unnumbered, 'Se necesita intérprete de guardia')).toBe(false);
    expect(keepsOwnNameFigures(unnumbered, 'Citas de más de 60 minutos')).toBe(false);
  });

  it('say nothing in a numbered list, nor without look-alikes recorded', () => {
    const numbered = boxes('Passenger 2 needs assistance', [
      'passenger 1 needs assistance',
      'passenger 3 needs assistance',
    ]);
    expect(keepsOwnNameFigures(numbered, 'Pasajero 2 necesita asistencia')).toBe(false);
    expect(keepsOwnNameFigures({ ...unnumbered, neighbours: undefined }, 'Citas de más de 90 minutos')).toBe(false);
  });
});
