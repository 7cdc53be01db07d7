// @vitest-environment node
/**
 * A register renumbered, in Chromium (its XPath and CSS agreeing on a place is what votes for the new holder of a
 * number): the recorded number passed to another record, the recorded one renumbered and saying what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumResolver, launchResolver } from './resolve-in-chromium';

let chromium: ChromiumResolver;

beforeAll(async () => {
  chromium = await launchResolver();
});

afterAll(async () => {
  await chromium?.close();
});

interface Sample {
  number: string;
  /** What the register says it was numbered before ("was SS-204"). */
  was?: string;
  bag: string;
  material: string;
  description: string;
  logged: string;
}

/** A sample register: one row per sample, its number linking to its page, an "Edit" and a "Print label" in every row. */
function register(samples: readonly Sample[]): string {
  const rows = samples
    .map(
      (sample) =>
        `<tr><td><a href="/samples/${sample.number}">${sample.number}</a>${sample.was ? ` (was ${sample.was})` : ''}</td><td>${sample.bag}</td><td>${sample.material}</td><td>${sample.description}</td><td>${sample.logged}</td><td><button type="button">Edit</button> <button type="button">Print label</button></td></tr>`,
    )
    .join('');
  return `<main><h1>Soil samples</h1><table id="samples"><thead><tr><th>No.</th><th>Bag</th><th>Material</th><th>Description</th><th>Logged</th><th></th></tr></thead><tbody>${rows}</tbody></table></main>`;
}

const SAMPLES: Sample[] = [
  { number: 'SS-201', bag: 'B12', material: 'Clay', description: 'Grey clay, mottled', logged: '3 May · K. Ito' },
  { number: 'SS-202', bag: 'B14', material: 'Loam', description: 'Sandy loam, dark', logged: '3 May · R. Diaz' },
  { number: 'SS-203', bag: 'B19', material: 'Peat', description: 'Fibrous peat, wet', logged: '5 May · A. Berg' },
  {
    number: 'SS-204',
    bag: 'B19',
    material: 'Chalk',
    description: 'Chalk with flint nodules',
    logged: '5 May · A. Berg',
  },
  { number: 'SS-205', bag: 'B21', material: 'Sand', description: 'Coarse sand, shelly', logged: '6 May · R. Diaz' },
];

describe('a record whose number passed to another when the register was renumbered', () => {
  const editOf = (index: number) => `tbody tr:nth-child(${index + 1}) button:first-of-type`;

  it('is not the new holder of the number while the recorded row reads "was …" elsewhere', async () => {
    const recorded = await chromium.record('en', register(SAMPLES), editOf(3));
    // A late sample took SS-204; the recorded chalk sample is SS-205 now and says what it was.
    const late: Sample = {
      number: 'SS-204',
      bag: 'B12',
      material: 'Chalk',
      description: 'Chalk with flint nodules, burnt',
      logged: '5 May · Field team',
    };
    const after = [
      ...SAMPLES.slice(0, 3),
      late,
      { ...(SAMPLES[3] as Sample), number: 'SS-205', was: 'SS-204' },
      { ...(SAMPLES[4] as Sample), number: 'SS-206', was: 'SS-205' },
    ];
    expect((await chromium.replay('en', register(after), recorded)).status).not.toBe('found');
  });

  it('is still the record it was when nothing was renumbered', async () => {
    const recorded = await chromium.record('en', register(SAMPLES), editOf(3));
    const result = await chromium.replay('en', register([...SAMPLES].reverse()), recorded, 'tr');
    expect(result.around).toContain('Chalk with flint nodules');
  });
});

interface Find {
  number: string;
  /** What the register writes after the number ("(duplicate of SF-1042)"). */
  note?: string;
  context: string;
  material: string;
  description: string;
  status: string;
  logged: string;
}

/** A small-finds register: one row per find, its number linking to its page, an "Edit" and a "Print label" in every row. */
function finds(rows: readonly Find[]): string {
  const body = rows
    .map(
      (find) =>
        `<tr><td><a href="/finds/${find.number}">${find.number}</a>${find.note ? ` <small>${find.note}</small>` : ''}</td><td>${find.context}</td><td>${find.material}</td><td>${find.description}</td><td>${find.status}</td><td>${find.logged}</td><td><button type="button">Edit</button> <button type="button">Print label</button></td></tr>`,
    )
    .join('');
  return `<main><h1>Small finds · Trench 4</h1><table><thead><tr><th>No.</th><th>Context</th><th>Material</th><th>Description</th><th>Status</th><th>Logged</th><th></th></tr></thead><tbody>${body}</tbody></table></main>`;
}

const FINDS: Find[] = [
  {
    number: 'SF-1040',
    context: '4012',
    material: 'Copper alloy',
    description: 'Brooch pin, bent',
    status: 'Bagged',
    logged: '2 May · K. Ito',
  },
  {
    number: 'SF-1041',
    context: '4012',
    material: 'Bone',
    description: 'Comb fragment, double-sided',
    status: 'Bagged',
    logged: '2 May · K. Ito',
  },
  {
    number: 'SF-1042',
    context: '4015',
    material: 'Glass',
    description: 'Blue bead, annular, chipped',
    status: 'Bagged',
    logged: '3 May · R. Diaz',
  },
  {
    number: 'SF-1043',
    context: '4015',
    material: 'Iron',
    description: 'Nail, square shank',
    status: 'Bagged',
    logged: '3 May · R. Diaz',
  },
  {
    number: 'SF-1044',
    context: '4018',
    material: 'Flint',
    description: 'Scraper on flake',
    status: 'Bagged',
    logged: '4 May · A. Berg',
  },
];

/** The "Edit" button of the `index`th row (from 0). */
const editButtonOf = (index: number) => `tbody tr:nth-child(${index + 1}) button:first-of-type`;

describe('a record that kept its number while a row added elsewhere quotes it', () => {
  it('is still the recorded find, sent to conservation since, not the duplicate entry copied from it', async () => {
    const recorded = await chromium.record('en', finds(FINDS), editButtonOf(2));
    const after: Find[] = [
      ...FINDS.slice(0, 2),
      {
        ...(FINDS[2] as Find),
        status: 'In conservation · box C-17',
        logged: '3 May · R. Diaz · photographed 10 May · X-rayed 12 May',
      },
      ...FINDS.slice(3),
      { ...(FINDS[2] as Find), number: 'SF-1050', note: '(duplicate of SF-1042)', logged: '3 May · R. Diaz' },
    ];
    const result = await chromium.replay('en', finds(after), recorded, 'tr');
    expect(result.around).toContain('SF-1042');
    expect(result.around).toContain('X-rayed');
  });

  it('is still the recorded find, re-described since, not the entry flagged "dup. of" its number', async () => {
    const recorded = await chromium.record('en', finds(FINDS), editButtonOf(2));
    const after: Find[] = [
      ...FINDS.slice(0, 2),
      {
        ...(FINDS[2] as Find),
        description: 'Blue bead, annular, chipped, cleaned 9 May',
        status: 'Catalogued · tray 6',
        logged: '3 May · R. Diaz · checked 11 May',
      },
      ...FINDS.slice(3),
      { ...(FINDS[2] as Find), number: 'SF-1050', note: 'dup. of SF-1042' },
    ];
    const result = await chromium.replay('en', finds(after), recorded, 'tr');
    expect(result.around).toContain('cleaned 9 May');
  });
});

interface Order {
  number: string;
  /** What the list writes after the number ("Copy of PO-2207"). */
  note?: string;
  supplier: string;
  items: string;
  total: string;
  status: string;
  date: string;
}

/** A purchase-order list: one row per order, its number linking to its page, an "Edit" and a "Duplicate" in every row. */
function orders(rows: readonly Order[]): string {
  const body = rows
    .map(
      (order) =>
        `<tr><td><a href="/purchase-orders/${order.number.slice(3)}">${order.number}</a>${order.note ? ` · ${order.note}` : ''}</td><td>${order.supplier}</td><td>${order.items}</td><td>${order.total}</td><td>${order.status}</td><td>${order.date}</td><td><button type="button">Edit</button> <button type="button">Duplicate</button></td></tr>`,
    )
    .join('');
  return `<main><h1>Purchase orders</h1><table><thead><tr><th>PO</th><th>Supplier</th><th>Items</th><th>Total</th><th>Status</th><th>Created</th><th></th></tr></thead><tbody>${body}</tbody></table></main>`;
}

const ORDERS: Order[] = [
  {
    number: 'PO-2205',
    supplier: 'Northwind Paper',
    items: '6 items',
    total: '£412.00',
    status: 'Draft',
    date: '1 Apr 2025',
  },
  {
    number: 'PO-2206',
    supplier: 'Kestrel Fasteners',
    items: '3 items',
    total: '£96.40',
    status: 'Draft',
    date: '1 Apr 2025',
  },
  {
    number: 'PO-2207',
    supplier: 'Harbour Supplies',
    items: '14 items',
    total: '£1,240.00',
    status: 'Draft',
    date: '2 Apr 2025',
  },
  {
    number: 'PO-2208',
    supplier: 'Elm Packaging',
    items: '2 items',
    total: '£58.00',
    status: 'Draft',
    date: '3 Apr 2025',
  },
];

describe('a purchase order copied with "Duplicate", the original approved since', () => {
  it('is still the original order, not the copy whose note quotes its number', async () => {
    const recorded = await chromium.record('en', orders(ORDERS), editButtonOf(2));
    const after: Order[] = [
      ...ORDERS.slice(0, 2),
      { ...(ORDERS[2] as Order), status: 'Approved 7 Apr 2025 · delivery 22 Apr 2025 · 0 of 14 received' },
      ...ORDERS.slice(3),
      { ...(ORDERS[2] as Order), number: 'PO-2231', note: 'Copy of PO-2207' },
    ];
    const result = await chromium.replay('en', orders(after), recorded, 'tr');
    expect(result.around).toContain('PO-2207Harbour');
    expect(result.around).toContain('Approved');
  });
});
