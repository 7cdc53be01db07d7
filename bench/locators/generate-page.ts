/** Deterministic realistic pages for the recorder benchmark (see bench/recorder.ts). */

/** Deterministic pseudo-random words so rows and cards differ like real data. */
function words(seed: number, count: number): string {
  const vocabulary = [
    'alpha',
    'budget',
    'customer',
    'delta',
    'export',
    'invoice',
    'ledger',
    'market',
    'north',
    'order',
    'project',
    'quarter',
    'report',
    'sales',
    'ticket',
    'update',
    'vendor',
    'weekly',
  ];
  const out: string[] = [];
  let state = seed;
  for (let index = 0; index < count; index++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out.push(vocabulary[state % vocabulary.length] as string);
  }
  return out.join(' ');
}

/** A page with about `target` elements. Block sizes are fixed, so the count scales by repeating blocks. */
export function generatePage(target: number): string {
  const parts: string[] = [];
  let count = 12;
  const header = `<header class="site-header"><a href="/" class="brand">Acme</a><nav aria-label="Primary"><ul>${[
    'Home',
    'Orders',
    'Customers',
    'Reports',
    'Settings',
  ]
    .map((label) => `<li><a href="/${label.toLowerCase()}">${label}</a></li>`)
    .join('')}</ul></nav><input type="search" placeholder="Search" aria-label="Search"></header>`;
  count += 14;
  let block = 0;
  while (count < target) {
    block++;
    const kind = block % 5;
    if (kind === 0) {
      const rows = Array.from({ length: 20 }, (_, row) => {
        const id = block * 100 + row;
        return `<tr><td><input type="checkbox" aria-label="Select ${words(id, 2)}"></td><td><a href="/orders/${id}">Order ${id}</a></td><td>${words(id, 3)}</td><td class="num">${(id * 37) % 1000}.00</td><td class="actions"><button type="button" class="btn btn-sm">Edit</button><button type="button" class="btn btn-sm">Delete</button></td></tr>`;
      }).join('');
      parts.push(
        `<section class="card"><h2>Orders ${block}</h2><table class="data-table"><thead><tr><th></th><th>Order</th><th>Items</th><th>Total</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>`,
      );
      count += 4 + 7 + 20 * 10;
    } else if (kind === 1) {
      const fields = ['First name', 'Last name', 'Email', 'Phone', 'Company', 'Notes']
        .map(
          (label, index) =>
            `<div class="form-group"><label for="f${block}-${index}">${label}</label><input id="f${block}-${index}" name="${label.toLowerCase().replace(' ', '_')}" class="form-control"></div>`,
        )
        .join('');
      parts.push(
        `<section class="card"><h2>Contact ${block}</h2><form action="/contacts/${block}" class="form">${fields}<div class="form-actions"><button type="submit" class="btn btn-primary">Save</button><button type="button" class="btn">Cancel</button></div></form></section>`,
      );
      count += 3 + 6 * 3 + 3;
    } else if (kind === 2) {
      const items = Array.from(
        { length: 15 },
        (_, index) =>
          `<li class="item"><div class="item-body"><span class="title">${words(block * 31 + index, 4)}</span><a href="/items/${block}-${index}" class="more">Details</a></div></li>`,
      ).join('');
      parts.push(
        `<div class="panel"><div class="panel-inner"><h3>List ${block}</h3><ul class="list">${items}</ul></div></div>`,
      );
      count += 4 + 15 * 4;
    } else if (kind === 3) {
      const cards = Array.from(
        { length: 6 },
        (_, index) =>
          `<article class="product"><div class="media"><img alt="${words(block + index, 2)}" src="data:,"></div><div class="info"><h4>${words(block * 7 + index, 3)}</h4><p>${words(block * 11 + index, 8)}</p><button type="button" class="add" aria-label="Add ${words(block * 7 + index, 3)} to cart">Add</button></div></article>`,
      ).join('');
      parts.push(`<div class="grid"><div class="row">${cards}</div></div>`);
      count += 2 + 6 * 7;
    } else {
      parts.push(
        `<user-card><template shadowrootmode="open"><style>.c{display:grid}</style><div class="c"><span class="name">${words(block, 2)}</span><input type="text" aria-label="Nickname"><button type="button">Follow</button><a href="/users/${block}">Profile</a></div></template></user-card>`,
      );
      count += 7;
    }
  }
  const half = Math.floor(parts.length / 2);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Generated ${target}</title></head><body>${header}<div class="layout"><aside class="sidebar"><nav aria-label="Sidebar"><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav></aside><main id="main"><div class="content"><div class="column">${parts
    .slice(0, half)
    .join(
      '',
    )}</div><div class="column">${parts.slice(half).join('')}</div></div></main></div><footer><p>© Acme</p></footer></body></html>`;
}
