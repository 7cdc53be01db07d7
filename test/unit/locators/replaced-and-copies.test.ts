import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget, type TargetDescriptor } from '@/lib/locators';

function record(html: string, pick: (doc: Document) => Element, setUp?: (doc: Document) => void): TargetDescriptor {
  document.body.innerHTML = html;
  setUp?.(document);
  return describeElement(pick(document));
}

function resolveOn(html: string, target: TargetDescriptor, setUp?: (doc: Document) => void) {
  document.body.innerHTML = html;
  setUp?.(document);
  return resolveTarget(document, target);
}

describe('a command that kept its test id but now does something else', () => {
  const huddle = (caption: string) =>
    `<main><h1>#platform</h1><div class="bar"><button data-qa="huddle-btn">${caption}</button><button>Details</button></div></main>`;

  it('is refused when its verb changed meaning ("Join huddle" → "Start a huddle")', () => {
    const recorded = record(huddle('Join huddle'), (doc) => doc.querySelector('[data-qa]') as Element);
    expect(resolveOn(huddle('Start a huddle'), recorded).status).not.toBe('found');
  });

  it('is still found when only its wording changed ("Join huddle" → "Join the huddle")', () => {
    const recorded = record(huddle('Join huddle'), (doc) => doc.querySelector('[data-qa]') as Element);
    const result = resolveOn(huddle('Join the huddle'), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.textContent).toBe('Join the huddle');
  });
});

describe('a select whose id now belongs to another select', () => {
  const form = (selects: readonly [string, string, readonly string[]][]) =>
    `<main><form>${selects
      .map(
        ([id, label, values]) =>
          `<div><label for="${id}">${label}</label><select id="${id}" name="${id}">${values
            .map((value) => `<option value="${value}">${value.toLowerCase()}</option>`)
            .join('')}</select></div>`,
      )
      .join('')}</form></main>`;
  const NATIONS = ['MEX', 'COL', 'ESP'];
  const PURPOSES = ['BUS', 'TOUR', 'FAM'];

  it('is not acted on through that id when none of its options are offered there', () => {
    const recorded = record(
      form([
        ['q6', 'Nationality', NATIONS],
        ['q7', 'Purpose of trip', PURPOSES],
      ]),
      (doc) => doc.getElementById('q7') as Element,
    );
    expect(recorded.fingerprint.choices).toEqual(['bus', 'tour', 'fam']);
    // A field was inserted above: ids shifted by one, and the labels now say less.
    const shifted = form([
      ['q6', 'Country', NATIONS.slice(0, 2)],
      ['q7', 'Nationality', NATIONS],
      ['q8', 'Trip', PURPOSES],
    ]);
    const result = resolveOn(shifted, recorded);
    expect(result.status === 'found' ? result.element.id : 'refused').not.toBe('q7');
  });

  it('keeps the id when the options merely grew', () => {
    const recorded = record(form([['q7', 'Purpose of trip', PURPOSES]]), (doc) => doc.getElementById('q7') as Element);
    const result = resolveOn(form([['q7', 'Purpose of trip', [...PURPOSES, 'MED']]]), recorded);
    expect(result.status).toBe('found');
  });
});

/** A list of cards made of one component whose shadow root shows only slots and a button. */
function loans(titles: readonly string[]): (doc: Document) => void {
  return (doc) => {
    const list = doc.getElementById('loans') as HTMLElement;
    for (const title of titles) {
      const host = doc.createElement('loan-item');
      host.innerHTML = `<h3 slot="title">${title}</h3><p slot="due">Due 04 Jun 2024 · Renewed 0 of 3 times</p>`;
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML =
        '<article><slot name="title"></slot><slot name="due"></slot><div><button>Renew</button></div></article>';
      list.append(host);
    }
  };
}

describe('a button inside one of many copies of a card component', () => {
  const page = '<main><h1>Checkouts</h1><div id="loans"></div></main>';
  const recordRenew = (title: string) =>
    record(
      page,
      (doc) =>
        [...doc.querySelectorAll('loan-item')]
          .find((host) => host.textContent?.includes(title))
          ?.shadowRoot?.querySelector('button') as Element,
      loans(['The Left Hand of Darkness', 'Braiding Sweetgrass', 'Educated']),
    );

  it('finds its copy by the content the copy holds after the cards were re-sorted', () => {
    const recorded = recordRenew('Braiding Sweetgrass');
    const result = resolveOn(page, recorded, loans(['Educated', 'The Left Hand of Darkness', 'Braiding Sweetgrass']));
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect((result.element.getRootNode() as ShadowRoot).host.textContent).toContain('Braiding Sweetgrass');
    }
  });

  it("refuses when that card is gone, though another card's button stands where it was", () => {
    const recorded = recordRenew('Braiding Sweetgrass');
    expect(resolveOn(page, recorded, loans(['The Left Hand of Darkness', 'Educated'])).status).not.toBe('found');
  });
});

describe('a command that kept its identity but acts on something else', () => {
  const invite = (caption: string) =>
    `<main><h1>Gala 2024</h1><div class="bar"><button>Edit design</button><button id="send-invites" data-testid="send-invitations">${caption}</button></div></main>`;

  it('is refused when its object changed ("Send invitations" → "Send reminder to 38 guests")', () => {
    const recorded = record(invite('Send invitations'), (doc) => doc.getElementById('send-invites') as Element);
    expect(resolveOn(invite('Send reminder to 38 guests'), recorded).status).not.toBe('found');
  });

  it('is found when the object is reworded around the same word ("Send invitations" → "Send the invitation")', () => {
    const recorded = record(invite('Send invitations'), (doc) => doc.getElementById('send-invites') as Element);
    expect(resolveOn(invite('Send the invitation'), recorded).status).toBe('found');
  });
});

describe("a neighbour's name in the recorded element's place", () => {
  const macros = (names: readonly string[]) =>
    `<div role="menu" aria-label="Macros">${names.map((name) => `<button role="menuitem">${name}</button>`).join('')}</div>`;

  it('is that neighbour: "Escalate to Tier 2" was deleted and "… Tier 3", beside it then, moved up', () => {
    const recorded = record(
      macros(['Close ticket', 'Escalate to Tier 2', 'Escalate to Tier 3', 'Refund in full']),
      (doc) => doc.querySelectorAll('button')[1] as Element,
    );
    expect(resolveOn(macros(['Close ticket', 'Escalate to Tier 3', 'Refund in full']), recorded).status).not.toBe(
      'found',
    );
  });
});

describe('a test id repeated in every record', () => {
  const visit = (time: string, doctor: string, enabled: boolean) =>
    `<li class="visit"><h3>${time} · Video visit</h3><p>${doctor} · Internal medicine</p><button data-testid="join-video-visit"${enabled ? '' : ' disabled'}>Join video visit</button></li>`;

  it("does not vouch for another record's copy when the recorded record is gone", () => {
    const recorded = record(
      `<ul>${visit('10:30 AM', 'Dr. Amara Okafor', true)}${visit('2:15 PM', 'Dr. Lena Lindqvist', false)}</ul>`,
      (doc) => doc.querySelector('button') as Element,
    );
    expect(resolveOn(`<ul>${visit('2:15 PM', 'Dr. Lena Lindqvist', true)}</ul>`, recorded).status).not.toBe('found');
  });
});

describe('a checkbox that kept its id but whose caption had words swapped', () => {
  const settings = (caption: string) =>
    `<fieldset><legend>Notifications</legend><label><input type="checkbox" id="notify-new-lecture" name="notify_new_lecture"> ${caption}</label><label><input type="checkbox" id="notify-review"> Email me when a student leaves a review</label></fieldset>`;

  it('is not ticked on a guess: it may choose something else now', () => {
    const recorded = record(
      settings('Email enrolled students when a new lecture is published'),
      (doc) => doc.getElementById('notify-new-lecture') as Element,
    );
    expect(resolveOn(settings('Email co-instructors when a new lecture is published'), recorded).status).not.toBe(
      'found',
    );
  });

  it('is found when the words only changed form or order ("scheduled" → "Schedule")', () => {
    const recorded = record(
      settings('Home inspection scheduled'),
      (doc) => doc.getElementById('notify-new-lecture') as Element,
    );
    expect(resolveOn(settings('Schedule home inspection'), recorded).status).toBe('found');
  });
});
