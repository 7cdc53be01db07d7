import { afterEach, describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A badge queue: one shadow-DOM row per registration, each with its own single "Reprint" button. */
function badgeRows(rows: readonly (readonly [string, string, string])[]): void {
  const list = document.getElementById('list') as HTMLElement;
  for (const [person, company, registration] of rows) {
    const host = document.createElement('badge-row');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div id="row"><strong>${person}</strong><span>${company}</span><span>Speaker</span>
      <code>${registration}</code><span>Lost badge</span><div><button type="button" class="reprint">Reprint</button></div></div>`;
    list.append(host);
  }
}

function reprintOf(person: string): Element {
  const host = [...document.querySelectorAll('badge-row')].find((each) =>
    each.shadowRoot?.textContent?.includes(person),
  );
  return host?.shadowRoot?.querySelector('button') as Element;
}

describe('a button alone in each copy of a component', () => {
  const page = '<main><h1>Badge reprints</h1><div id="list"></div></main>';

  it("is not another copy's once its record is gone, however alike that copy reads", () => {
    document.body.innerHTML = page;
    badgeRows([
      ['Ana Ruiz', 'Fabrikam', 'REG-3301'],
      ['Jordan Lee', 'Northwind Analytics', 'REG-3318'],
      ['Jordan Leigh', 'Contoso', 'REG-3340'],
    ]);
    const target = describeElement(reprintOf('Jordan Lee'));
    document.body.innerHTML = page;
    // Jordan Lee's registration went to Sam Whitfield: same registration, another person's badge.
    badgeRows([
      ['Ana Ruiz', 'Fabrikam', 'REG-3301'],
      ['Sam Whitfield', 'Transferred from Jordan Lee', 'REG-3318'],
      ['Jordan Leigh', 'Contoso', 'REG-3340'],
    ]);
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('is found in its own copy after the copies were re-sorted', () => {
    document.body.innerHTML = page;
    badgeRows([
      ['Ana Ruiz', 'Fabrikam', 'REG-3301'],
      ['Jordan Lee', 'Northwind Analytics', 'REG-3318'],
    ]);
    const target = describeElement(reprintOf('Jordan Lee'));
    document.body.innerHTML = page;
    badgeRows([
      ['Jordan Lee', 'Northwind Analytics', 'REG-3318'],
      ['Ana Ruiz', 'Fabrikam', 'REG-3301'],
    ]);
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(reprintOf('Jordan Lee'));
  });
});

const hold = (position: number, patron: string, card: string) => `<tr><td>${position}</td>
  <td><a href="/patrons/${card}">${patron}</a></td><td>${card}</td><td>Riverside</td><td>Waiting</td>
  <td><button type="button" data-testid="hold-cancel">Cancel</button></td></tr>`;

describe('a row whose place in a queue moved up', () => {
  it('is the same record when its position number changed and its own id number is kept', () => {
    const queue = (rows: string) => `<main><h1>Holds queue</h1><table><tbody>${rows}</tbody></table></main>`;
    document.body.innerHTML = queue(
      hold(1, 'Lena Park', '21180009920001') +
        hold(2, 'Tom Eze', '21180009920777') +
        hold(3, 'Maribel Ortiz', '21180009921054'),
    );
    const target = describeElement(document.querySelectorAll('button')[2] as Element);
    // The first hold was filled: everyone moved up one place.
    document.body.innerHTML = queue(
      hold(1, 'Tom Eze', '21180009920777') +
        hold(2, 'Maribel Ortiz', '21180009921054') +
        hold(3, 'Samuel Adeyemi', '21180009930002'),
    );
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toContain('Maribel Ortiz');
  });
});

const punch = (n: number, text: string, where: string) => `<li><input type="checkbox" name="complete[${n - 1}]"
  aria-label="Mark item ${n} complete"><span>#${n}</span> <span>${text}</span> <small>${where} · ProCoat Painting</small></li>`;

describe('an entry of a list whose names carry the entry number', () => {
  it('is not the entry that took its number once the list renumbered', () => {
    const list = (items: string) =>
      `<main><h1>Punch list</h1><form action="/punch/bulk"><ul>${items}</ul></form></main>`;
    document.body.innerHTML = list(
      punch(1, 'Patch drywall at corridor', 'Corridor · L3') +
        punch(2, 'Replace ceiling tile', 'Room 301 · L3') +
        punch(3, 'Touch-up paint at stair 1 handrail', 'Stair 1 · L3') +
        punch(4, 'Touch-up paint at stair 2 handrail', 'Stair 2 · L3'),
    );
    const target = describeElement(document.querySelector('[aria-label="Mark item 4 complete"]') as Element);
    // Item 2 was closed and the list renumbered; a new stair 1 item was added as #4.
    document.body.innerHTML = list(
      punch(1, 'Patch drywall at corridor', 'Corridor · L3') +
        punch(2, 'Touch-up paint at stair 1 handrail', 'Stair 1 · L3') +
        punch(3, 'Touch-up paint at stair 2 handrail', 'Stair 2 · L3') +
        punch(4, 'Touch-up paint at stair 1 handrail', 'Stair 1 · L3'),
    );
    const result = resolveTarget(document, target);
    if (result.status === 'found') expect(result.element.getAttribute('aria-label')).not.toBe('Mark item 4 complete');
  });
});
