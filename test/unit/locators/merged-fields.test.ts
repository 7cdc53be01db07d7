/**
 * Two fields merged into one ("First name" and "Last name" → "Name"): the merged field is no more the
 * recorded one than its neighbour, so the step is refused; a qualifier moved beside look-alikes, or a
 * neighbour still on the page, leaves the field found.
 */
import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators/describe';
import { resolveTarget } from '@/lib/locators/resolve';
import type { TargetDescriptor } from '@/lib/locators/schema';

function record(html: string, selector: string): TargetDescriptor {
  document.body.innerHTML = html;
  return JSON.parse(JSON.stringify(describeElement(document.querySelector(selector) as Element)));
}

function resolve(html: string, descriptor: TargetDescriptor) {
  document.body.innerHTML = html;
  return resolveTarget(document, descriptor);
}

const field = (label: string, name: string, hint = '') =>
  `<div class="field"><label for="${name}">${label}</label><input id="${name}" name="${name}" type="text">${hint ? `<p>${hint}</p>` : ''}</div>`;
const form = (fields: string) =>
  `<main><h1>Book a course</h1><form action="/book">${fields}${field('Email', 'email', 'Joining instructions are sent here.')}<button>Book</button></form></main>`;

describe('a field merged with its neighbour', () => {
  const before = form(field('First name', 'first_name') + field('Last name', 'last_name'));

  it('is refused: the merged field is as much the neighbour', () => {
    const descriptor = record(before, '#last_name');
    const result = resolve(form(field('Name', 'full_name', 'As it should appear on the certificate.')), descriptor);
    expect(result.status).not.toBe('found');
  });

  it('leaves the step asking when another field reads almost as well as the merged one', () => {
    const descriptor = record(before, '#first_name');
    const result = resolve(
      form(field('Name', 'full_name') + field('Preferred first name (optional)', 'preferred_first_name')),
      descriptor,
    );
    expect(result.status).not.toBe('found');
  });

  it('is still found when it kept its field name, the qualifier dropped', () => {
    const descriptor = record(before, '#last_name');
    // A build that regenerates ids: only the field name says which it is.
    const renamed = `<div class="field"><label for=":r3:">Name</label><input id=":r3:" name="last_name" type="text"></div>`;
    const result = resolve(form(renamed), descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(document.querySelector('[name="last_name"]'));
  });

  it('is still found when only the neighbour was renamed and its own name stays', () => {
    const descriptor = record(before, '#last_name');
    const result = resolve(form(field('Given name', 'given') + field('Last name', 'surname')), descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(document.querySelector('#surname'));
  });

  it('is still found when the neighbour it shares its words with is still there', () => {
    const applicants = (first: string) =>
      `<main><h1>Agreement in principle</h1><form action="/aip">${field(first, 'income')}${field("Second applicant's annual income", 'income2')}${field('Email', 'email')}</form></main>`;
    const descriptor = record(applicants("Applicant's annual income"), '#income');
    const result = resolve(applicants('Annual income'), descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(document.querySelector('#income'));
  });
});
