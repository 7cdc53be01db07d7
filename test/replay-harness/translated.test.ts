// @vitest-environment node
/**
 * Resolving a target on a page shown in another language than it was recorded in (the nearest `lang` changed), in
 * Chromium: XPath and CSS are the browser's own. Words cannot vouch for anything there, so only an unchanged
 * structure (CSS and XPath agree, same place among as many siblings, nothing else alike but for its position) or an
 * identity may name the element.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetDescriptor } from '@/lib/locators';
import { type ChromiumResolver, launchResolver } from './resolve-in-chromium';

let chromium: ChromiumResolver;

beforeAll(async () => {
  chromium = await launchResolver();
});

afterAll(async () => {
  await chromium?.close();
});

const record = (lang: string, html: string, selector: string): Promise<TargetDescriptor> =>
  chromium.record(lang, html, selector);
const replay = (lang: string, html: string, target: TargetDescriptor) => chromium.replay(lang, html, target);

const toolbar = (newEvent: string, today: string, previous: string) => `
  <div class="cal-toolbar" id="cal-toolbar">
    <button type="button" class="btn btn-primary">${newEvent}</button>
    <button type="button" class="btn">${today}</button>
    <button type="button" class="icon-btn" aria-label="${previous}">‹</button>
  </div>`;

const rows = (people: [string, string][]) => `
  <table id="people"><tbody>${people
    .map(([name, role]) => `<tr><td>${name}</td><td>${role}</td><td><button class="row-btn">×</button></td></tr>`)
    .join('')}</tbody></table>`;

describe('a page shown in another language than recorded', () => {
  it('finds the control when structure and classes are unchanged', async () => {
    const target = await record('en', toolbar('New event', 'Today', 'Previous week'), '.btn-primary');
    const result = await replay('ja', toolbar('新しい予定', '今日', '前の週'), target);
    expect(result).toMatchObject({ status: 'found' });
    expect(result.html).toContain('新しい予定');
  });

  it('finds a field by its unchanged id', async () => {
    const form = (label: string) => `<form><label for="start">${label}</label><input id="start" name="start"></form>`;
    const target = await record('en', form('Start date'), '#start');
    const result = await replay('de', form('Startdatum'), target);
    expect(result.html).toContain('id="start"');
  });

  it('refuses when rows that differ only in words were re-sorted: position alone would decide', async () => {
    const before = rows([
      ['Ada', 'Engineer'],
      ['Grace', 'Admiral'],
      ['Linus', 'Maintainer'],
    ]);
    const target = await record('en', before, 'tr:nth-child(2) .row-btn');
    const after = rows([
      ['Ada', 'Ingenieurin'],
      ['Linus', 'Betreuer'],
      ['Grace', 'Admiralin'],
    ]);
    expect((await replay('de', after, target)).status).not.toBe('found');
  });

  it('refuses when the structure around the target changed', async () => {
    const target = await record('en', toolbar('New event', 'Today', 'Previous week'), '.btn:not(.btn-primary)');
    const changed = `<div class="cal-toolbar" id="cal-toolbar"><span class="group"><button type="button" class="btn">今日</button></span>
      <button type="button" class="btn btn-primary">新しい予定</button></div>`;
    expect((await replay('ja', changed, target)).status).not.toBe('found');
  });

  it('keeps comparing words when only the region differs (en-GB → en): a renamed control is not acted on', async () => {
    const target = await record('en-GB', toolbar('New event', 'Today', 'Previous week'), '.btn-primary');
    const result = await replay('en', toolbar('Delete calendar', 'Today', 'Previous week'), target);
    expect(result.status).not.toBe('found');
  });
});

const passenger = (name: string, bags: string, options: readonly string[]) =>
  `<section><h2>${name}</h2><div><label>${bags}<select name="bags">${options
    .map((option, value) => `<option value="${value}">${option}</option>`)
    .join('')}</select></label><label>Meal<select name="meal"><option>-</option></select></label></div></section>`;
const passengers = (caption: string, options: readonly string[], names: readonly string[]) =>
  `<main>${names.map((name) => passenger(name, caption, options)).join('')}</main>`;
const ENGLISH_BAGS = ['No checked bags', '1 bag (+€35)', '2 bags (+€65)'];
const SPANISH_BAGS = ['Sin equipaje', '1 maleta (+35 €)', '2 maletas (+65 €)'];
const NAMES = ['Dana Okafor', 'Chen Wei', 'Luis Ortega'];

const checkout = ([when, time, tip, card]: readonly string[], delivery = true) => `<main><form action="/checkout">
  ${delivery ? `<section><h2>${when}</h2><label>${time}<select><option>ASAP (35–45 min)</option><option>18:30</option><option>18:45</option></select></label></section>` : ''}
  <section><h2>${tip}</h2><label>${tip}<select><option>-</option><option>£1.00</option><option>£2.00</option></select></label></section>
  <section><h2>${card}</h2><label>${card}<select><option>Visa •••• 4242</option><option>Apple Pay</option></select></label></section>
  ${delivery ? '' : `<section><h2>Extra</h2><label>Extra<select><option>-</option><option>£5.00</option></select></label></section>`}
</form></main>`;
const ENGLISH = ['When', 'Delivery time', 'Tip', 'Pay with'];
const PORTUGUESE = ['Quando', 'Hora de entrega', 'Gorjeta', 'Pagar com'];

describe('look-alikes on a translated page', () => {
  it("tells a passenger's select from the others' by the passenger's name, which no translation changes", async () => {
    const target = await record('en', passengers('Checked bags', ENGLISH_BAGS, NAMES), 'section:nth-child(2) select');
    // Its own words at recording: as the words around it no other passenger's select had.
    expect(target.fingerprint.distinct).toEqual(['chen', 'wei']);
    const result = await replay('es', passengers('Equipaje facturado', SPANISH_BAGS, NAMES), target);
    expect(result.status).toBe('found');
    const sections = await chromium.outerHtmlOf('section');
    expect(sections[1]).toContain(result.html);
  });

  it('refuses when the passengers were re-ordered, or another one stands in that place', async () => {
    const target = await record('en', passengers('Checked bags', ENGLISH_BAGS, NAMES), 'section:nth-child(2) select');
    for (const names of [
      ['Chen Wei', 'Dana Okafor', 'Luis Ortega'],
      ['Dana Okafor', 'Mia Jensen', 'Luis Ortega'],
    ]) {
      expect((await replay('es', passengers('Equipaje facturado', SPANISH_BAGS, names), target)).status).not.toBe(
        'found',
      );
    }
  });

  it('tells selects apart by the times and amounts their options hold', async () => {
    const target = await record('en', checkout(ENGLISH), 'select');
    expect(target.fingerprint.choices).toEqual(expect.arrayContaining(['18:30']));
    const result = await replay('pt', checkout(PORTUGUESE), target);
    expect(result.status).toBe('found');
    expect(result.html).toContain('18:30');
  });

  it('refuses when a select with other options now stands in its place', async () => {
    const target = await record('en', checkout(ENGLISH), 'select');
    expect((await replay('pt', checkout(PORTUGUESE, false), target)).status).not.toBe('found');
  });
});

/** A lab request form; in Japanese (`ja`) every label and option is translated, the hints' examples kept. */
function labRequest(lang: 'en' | 'ja', exampleKept = true): string {
  const select = (options: readonly string[]) =>
    `<select>${options.map((option) => `<option>${option}</option>`).join('')}</select>`;
  const ja = lang === 'ja';
  const offences = ja ? ['強盗', '窃盗', '詐欺', '放火'] : ['Robbery', 'Theft', 'Fraud', 'Arson'];
  const exams = ja
    ? ['指紋', 'DNA型', '銃器', '薬毒物', 'デジタル']
    : ['Prints', 'DNA', 'Firearms', 'Toxicology', 'Digital'];
  const priorities = ja ? ['通常', '至急'] : ['Routine', 'Rush'];
  const [offence, exam, priority, reference, caseNo] = ja
    ? ['罪名', '依頼する鑑定', '優先度', '依頼人整理番号', '所内整理番号']
    : ['Offence', 'Examination requested', 'Priority', 'Client reference', 'Internal reference'];
  const hint = (example: string) => (ja ? `例：${example}` : `e.g. ${example}`);
  return `<main><h1>${ja ? '鑑定依頼' : 'Lab request'}</h1><form action="/lab/requests"><div><label>${offence} ${select(offences)}</label></div><div><label>${exam} ${select(exams)}</label></div><div><label>${priority} ${select(priorities)}</label></div><div><label>${reference} <input type="text" placeholder="${hint(exampleKept ? 'KOR-PAT-0093' : 'ABC-1')}"></label></div><div><label>${caseNo} <input type="text" placeholder="${hint('LN/2024/117')}"></label></div></form></main>`;
}

describe('look-alikes on a page translated in place, its structure unchanged', () => {
  it('tells a select from the others by how many options it offers', async () => {
    const target = await record('en', labRequest('en'), 'div:nth-child(2) select');
    const result = await replay('ja', labRequest('ja'), target);
    expect(result.status).toBe('found');
    expect(result.html).toContain('指紋');
  });

  it('refuses when another select now offers as many options as it did', async () => {
    const target = await record('en', labRequest('en'), 'div:nth-child(2) select');
    const page = labRequest('ja').replace('<option>放火</option>', '<option>放火</option><option>傷害</option>');
    expect((await replay('ja', page, target)).status).not.toBe('found');
  });

  it('tells a field from the others by the example its hint gives, which no translation changes', async () => {
    const target = await record('en', labRequest('en'), 'div:nth-child(4) input');
    const result = await replay('ja', labRequest('ja'), target);
    expect(result.status).toBe('found');
    expect(result.html).toContain('KOR-PAT-0093');
  });

  it('refuses when the example changed and nothing else tells the fields apart', async () => {
    const target = await record('en', labRequest('en'), 'div:nth-child(4) input');
    expect((await replay('ja', labRequest('ja', false), target)).status).not.toBe('found');
  });
});

/** A select offering `options`, in order. */
const choice = (options: readonly string[]) =>
  `<select>${options.map((option) => `<option>${option}</option>`).join('')}</select>`;
/** A field: `control` inside its label, in a div of its own. */
const labelled = (label: string, control: string) => `<div><label>${label} ${control}</label></div>`;
/** A form titled `title`, its fields in order and a submit button. */
const formOf = (title: string, action: string, fields: readonly string[], submit: string) =>
  `<main><h1>${title}</h1><form action="${action}">${fields.join('')}<button>${submit}</button></form></main>`;

describe('a select on a localized form that asks its own fields in its own order', () => {
  it('refuses when the clinic select, offering as many options, stands where the day select was', async () => {
    const en = formOf(
      'Book a physio appointment',
      '/appointments',
      [
        labelled('Preferred day', choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])),
        labelled('Clinic', choice(['Central', 'Northside', 'Harbour', 'Elm Park', 'Riverside'])),
        labelled('Time of day', choice(['Morning', 'Afternoon', 'Evening'])),
      ],
      'Request',
    );
    // The Japanese form asks the clinic first and offers Saturdays too.
    const ja = formOf(
      '理学療法の予約',
      '/appointments',
      [
        labelled('クリニック', choice(['中央', '北', 'ハーバー', 'エルムパーク', 'リバーサイド'])),
        labelled('希望曜日', choice(['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'])),
        labelled('時間帯', choice(['午前', '午後', '夕方'])),
      ],
      '申し込む',
    );
    const target = await record('en', en, 'div:nth-child(1) select');
    expect((await replay('ja', ja, target)).status).not.toBe('found');
  });

  it('refuses when the shipping-speed select, offering as many options, slid into the place of a removed one', async () => {
    const en = formOf(
      'Checkout · delivery',
      '/checkout/delivery',
      [
        labelled('Shipping speed', choice(['Standard', 'Express', 'Next day'])),
        labelled('Gift wrap', choice(['No gift wrap', 'Paper wrap', 'Gift box'])),
        labelled('Leave parcel', choice(['With a neighbour', 'In a safe place', 'At the door', 'Return to depot'])),
      ],
      'Continue',
    );
    // The Japanese store offers no gift wrap and asks a delivery time slot first.
    const ja = formOf(
      'お届け方法',
      '/checkout/delivery',
      [
        labelled('お届け時間帯', choice(['指定なし', '午前中', '昼過ぎ', '夕方', '夜間', '深夜'])),
        labelled('配送方法', choice(['通常便', 'お急ぎ便', '翌日便'])),
        labelled('不在時', choice(['隣人に預ける', '宅配ボックス', '玄関前', '持ち帰り'])),
      ],
      '次へ',
    );
    const target = await record('en', en, 'div:nth-child(2) select');
    expect((await replay('ja', ja, target)).status).not.toBe('found');
  });

  it('refuses when the "how did you hear" select, offering as many options, slid into the place of a removed one', async () => {
    const en = formOf(
      'Create your account',
      '/signup',
      [
        labelled('Title', choice(['Mr', 'Mrs', 'Miss', 'Ms', 'Dr'])),
        labelled('How did you hear about us?', choice(['Search engine', 'Friend', 'Podcast', 'Magazine', 'Other'])),
        labelled('Newsletter', choice(['Weekly', 'Monthly', 'Never'])),
      ],
      'Sign up',
    );
    // The Japanese sign-up asks no title.
    const ja = formOf(
      'アカウント作成',
      '/signup',
      [
        labelled('当サイトを知ったきっかけ', choice(['検索エンジン', '友人', 'ポッドキャスト', '雑誌', 'その他'])),
        labelled('ニュースレター', choice(['毎週', '毎月', '受け取らない'])),
        labelled('ご連絡希望時間帯', choice(['午前', '午後', '夜間', '指定なし'])),
      ],
      '登録する',
    );
    const target = await record('en', en, 'div:nth-child(1) select');
    expect((await replay('ja', ja, target)).status).not.toBe('found');
  });
});

describe('a field on a localized form that asks its own fields in its own order', () => {
  it('refuses when a shipping-fee field with the same "0.00" placeholder took the place of a removed deposit field', async () => {
    const en = formOf(
      'New order',
      '/orders',
      [
        labelled('Customer reference', '<input type="text">'),
        labelled('Deposit', '<input type="text" placeholder="0.00">'),
        labelled('Delivery notes', '<input type="text">'),
        labelled('Sales rep', '<input type="text">'),
      ],
      'Create order',
    );
    // The Japanese order form takes no deposit.
    const ja = formOf(
      '新規注文',
      '/orders',
      [
        labelled('お客様参照番号', '<input type="text">'),
        labelled('送料', '<input type="text" placeholder="0.00">'),
        labelled('配送メモ', '<input type="text">'),
        labelled('担当者', '<input type="text">'),
      ],
      '注文を作成',
    );
    const target = await record('en', en, 'div:nth-child(2) input');
    expect((await replay('ja', ja, target)).status).not.toBe('found');
  });

  it('refuses when the dates were swapped and the field now in the recorded place gives the same example', async () => {
    const en = formOf(
      'Leave request',
      '/leave',
      [
        labelled('First day of leave', '<input type="text" placeholder="e.g. 2025-07-14">'),
        labelled('Return to work', '<input type="text" placeholder="e.g. 2025-07-14">'),
        labelled('Cover arranged with', '<input type="text">'),
      ],
      'Submit',
    );
    // The German template asks the return date first and writes the first day's example its own way.
    const de = formOf(
      'Urlaubsantrag',
      '/leave',
      [
        labelled('Wieder im Dienst am', '<input type="text" placeholder="z. B. 2025-07-14">'),
        labelled('Erster Urlaubstag', '<input type="text" placeholder="z. B. 14.07.2025">'),
        labelled('Vertretung durch', '<input type="text">'),
      ],
      'Absenden',
    );
    const target = await record('en', en, 'div:nth-child(1) input');
    expect((await replay('de', de, target)).status).not.toBe('found');
  });
});
