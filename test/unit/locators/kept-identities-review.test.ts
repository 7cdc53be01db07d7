/**
 * A review's page pairs against the first forms of two rules in lib/locators/resolve.ts:
 *   1. keptIdentityInTranslation: on a translated page, the one element of the kind that kept an
 *      identity of the recorded one;
 *   2. onlyCopyKeepingAllItsWords: among copies of a web component, the copy the host locators found
 *      that alone kept the recorded copy's words, resolved inside with the full descriptor.
 * Every test asserts the right outcome, named in it. The comment above each says what the first form
 * did ("first form") and what the code before both rules did ("before"); the counter-examples are what
 * shaped the rules as they are (ids, test ids and field names of the recorded form only; every word of
 * the copy, small numbers too; the field name and id both kept inside it).
 */
import { describe, expect, it } from 'vitest';
import { describeElement, type ResolveResult, resolveTarget, type TargetDescriptor } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

const resolveSeen = (html: string, recorded: TargetDescriptor) => resolveOn(html, recorded);
const resolveHere = (recorded: TargetDescriptor) => resolveTarget(document, recorded);
const found = (result: ResolveResult): Element | null => (result.status === 'found' ? result.element : null);
/** The h3 title of the component copy the found element is in. */
const copyTitle = (result: ResolveResult): string | null => {
  const element = found(result);
  const root = element?.getRootNode();
  return root instanceof ShadowRoot ? (root.querySelector('h3')?.textContent ?? null) : null;
};

// ---------------------------------------------------------------------------------------------------
// Rule 1: keptIdentityInTranslation
// ---------------------------------------------------------------------------------------------------

/** A contact form in the page, a newsletter sign-up in the footer: both fields are name="email". */
function contactPage(lang: 'en' | 'de', signedIn: boolean): string {
  const w =
    lang === 'en'
      ? {
          h: 'Contact us',
          name: 'Your name',
          email: 'Email address',
          msg: 'Message',
          send: 'Send message',
          nl: 'Get our newsletter',
          sub: 'Subscribe',
        }
      : {
          h: 'Kontakt',
          name: 'Ihr Name',
          email: 'E-Mail-Adresse',
          msg: 'Nachricht',
          send: 'Nachricht senden',
          nl: 'Newsletter abonnieren',
          sub: 'Abonnieren',
        };
  // Signed in, the contact form no longer asks for the email: the account's is used.
  const email = signedIn ? '' : `<label for="c-email">${w.email}</label><input id="c-email" type="email" name="email">`;
  return `<main lang="${lang}"><h1>${w.h}</h1><form id="contact" action="/contact"><label for="c-name">${w.name}</label><input id="c-name" name="name">${email}<label for="c-msg">${w.msg}</label><textarea id="c-msg" name="message"></textarea><button>${w.send}</button></form></main><footer lang="${lang}"><form id="newsletter" action="/subscribe"><label for="nl-email">${w.nl}</label><input id="nl-email" type="email" name="email"><button>${w.sub}</button></form></footer>`;
}

/** Orders page with its own search (name="q") beside the header's help-centre search (also name="q"). */
function ordersPage(lang: 'en' | 'fr', pageSearch: boolean): string {
  const w =
    lang === 'en'
      ? { site: 'Search help centre', orders: 'Search orders', h: 'Your orders' }
      : { site: "Rechercher dans l'aide", orders: 'Rechercher des commandes', h: 'Vos commandes' };
  const own = pageSearch
    ? `<form action="/orders"><input type="search" name="q" aria-label="${w.orders}"></form>`
    : '<div class="filters"><button>2025</button><button>2024</button></div>';
  return `<div lang="${lang}"><header><form action="/help/search" role="search"><input type="search" name="q" aria-label="${w.site}"></form></header><main><h1>${w.h}</h1>${own}<ul><li>#30041</li></ul></main></div>`;
}

/** Checkout with a shipping and a billing form, both fields named "street" / "postcode". */
function checkout(lang: 'en' | 'de', forms: readonly ('ship' | 'bill')[]): string {
  const w =
    lang === 'en'
      ? { ship: 'Shipping address', bill: 'Billing address', pc: 'Postcode', st: 'Street' }
      : { ship: 'Lieferadresse', bill: 'Rechnungsadresse', pc: 'Postleitzahl', st: 'Straße' };
  return `<main lang="${lang}"><h1>Checkout</h1>${forms
    .map(
      (form) =>
        `<form id="${form}-form"><h2>${w[form]}</h2><label for="${form}-street">${w.st}</label><input id="${form}-street" name="street"><label for="${form}-postcode">${w.pc}</label><input id="${form}-postcode" name="postcode"></form>`,
    )
    .join('')}</main>`;
}

/** Notification preferences: "events" is a value in the email group and in the SMS group. */
function preferences(lang: 'en' | 'es', sms: boolean): string {
  const w =
    lang === 'en'
      ? {
          h: 'Notification preferences',
          email: 'Email me about',
          sms: 'Text me about',
          ev: 'Events near me',
          nl: 'Monthly newsletter',
          rem: 'Shift reminders',
          save: 'Save preferences',
        }
      : {
          h: 'Preferencias de notificación',
          email: 'Enviarme correos sobre',
          sms: 'Enviarme SMS sobre',
          ev: 'Eventos cerca de mí',
          nl: 'Boletín mensual',
          rem: 'Recordatorios de turnos',
          save: 'Guardar preferencias',
        };
  const smsGroup = sms
    ? `<fieldset><legend>${w.sms}</legend><label><input type="checkbox" name="sms_topics" value="events"> ${w.ev}</label><label><input type="checkbox" name="sms_topics" value="reminders"> ${w.rem}</label></fieldset>`
    : '';
  return `<main lang="${lang}"><h1>${w.h}</h1><form action="/preferences"><fieldset><legend>${w.email}</legend><label><input type="checkbox" name="email_topics" value="events"> ${w.ev}</label><label><input type="checkbox" name="email_topics" value="newsletter"> ${w.nl}</label></fieldset>${smsGroup}<button>${w.save}</button></form></main>`;
}

/** Two radio questions that both offer "email" and "post". */
function contactMethods(lang: 'en' | 'sv', invoiceQuestion: boolean, invoiceFirst = false): string {
  const w =
    lang === 'en'
      ? {
          q1: 'How should we contact you?',
          q2: 'How should we send invoices?',
          email: 'Email',
          post: 'Post',
          phone: 'Phone',
        }
      : {
          q1: 'Hur ska vi kontakta dig?',
          q2: 'Hur ska vi skicka fakturor?',
          email: 'E-post',
          post: 'Brev',
          phone: 'Telefon',
        };
  const contact = `<fieldset><legend>${w.q1}</legend><label><input type="radio" name="contact_method" value="email">${w.email}</label><label><input type="radio" name="contact_method" value="phone">${w.phone}</label><label><input type="radio" name="contact_method" value="post">${w.post}</label></fieldset>`;
  const invoice = invoiceQuestion
    ? `<fieldset><legend>${w.q2}</legend><label><input type="radio" name="invoice_delivery" value="email">${w.email}</label><label><input type="radio" name="invoice_delivery" value="post">${w.post}</label></fieldset>`
    : '';
  return `<main lang="${lang}"><form>${invoiceFirst ? invoice + contact : contact + invoice}</form></main>`;
}

/** A profile whose phone and emergency-contact phone show the same example placeholder. */
function profile(lang: 'en' | 'fr', emergency: boolean): string {
  const w =
    lang === 'en'
      ? {
          h: 'Your profile',
          phone: 'Phone',
          ec: 'Emergency contact',
          ecn: 'Contact name',
          ecp: 'Contact phone',
          save: 'Save',
        }
      : {
          h: 'Votre profil',
          phone: 'Téléphone',
          ec: "Contact d'urgence",
          ecn: 'Nom du contact',
          ecp: 'Téléphone du contact',
          save: 'Enregistrer',
        };
  const section = emergency
    ? `<fieldset><legend>${w.ec}</legend><label for="ec-name">${w.ecn}</label><input id="ec-name" name="ec_name"><label for="ec-phone">${w.ecp}</label><input id="ec-phone" type="tel" name="ec_phone" placeholder="+1 555 010 9999"></fieldset>`
    : '';
  return `<main lang="${lang}"><h1>${w.h}</h1><form action="/profile"><label for="phone">${w.phone}</label><input id="phone" type="tel" name="phone" placeholder="+1 555 010 9999">${section}<button>${w.save}</button></form></main>`;
}

/** A case page whose toolbar action and side help link are both href="javascript:void(0)". */
function casePage(lang: 'en' | 'pt', archiveLink: boolean): string {
  const w =
    lang === 'en'
      ? { h: 'Case #4471', arch: 'Archive case', help: 'Help', print: 'Print' }
      : { h: 'Caso #4471', arch: 'Arquivar caso', help: 'Ajuda', print: 'Imprimir' };
  // The archive action moved into an overflow menu (a button) in the new version.
  const archive = archiveLink
    ? `<a href="javascript:void(0)" class="tb-link">${w.arch}</a>`
    : '<button class="tb-menu" aria-haspopup="menu">⋯</button>';
  return `<main lang="${lang}"><h1>${w.h}</h1><div class="toolbar">${archive}<a href="/cases/4471/print" class="tb-link">${w.print}</a></div><aside><a href="javascript:void(0)" class="tb-link">${w.help}</a></aside></main>`;
}

/** Export links that differ only by their query string. */
function reportPage(lang: 'en' | 'nl', csv: boolean, pdfFirst = false): string {
  const w =
    lang === 'en'
      ? { h: 'Quarterly report', csv: 'Export as CSV', pdf: 'Export as PDF' }
      : { h: 'Kwartaalrapport', csv: 'Exporteren als CSV', pdf: 'Exporteren als PDF' };
  const csvLink = csv ? `<a href="/reports/q3/export?format=csv">${w.csv}</a>` : '';
  const pdfLink = `<a href="/reports/q3/export?format=pdf">${w.pdf}</a>`;
  return `<main lang="${lang}"><h1>${w.h}</h1><p>${pdfFirst ? pdfLink + csvLink : csvLink + pdfLink}</p></main>`;
}

/** A marketing site with "Pricing" in the header nav and in the footer. */
function site(lang: 'en' | 'it', headerPricing: boolean): string {
  const w =
    lang === 'en'
      ? { pricing: 'Pricing', docs: 'Docs', about: 'About us', h: 'Ship faster' }
      : { pricing: 'Prezzi', docs: 'Documentazione', about: 'Chi siamo', h: 'Spedisci più veloce' };
  return `<div lang="${lang}"><header><nav>${headerPricing ? `<a href="/pricing">${w.pricing}</a>` : ''}<a href="/docs">${w.docs}</a></nav></header><main><h1>${w.h}</h1></main><footer><a href="/about">${w.about}</a><a href="/pricing">${w.pricing}</a></footer></div>`;
}

describe('rule 1 (keptIdentityInTranslation): counter-examples', () => {
  // First form: found the newsletter field. Before: refused.
  it('contact form lost its email field (signed in); footer newsletter is also name="email" → right: refused', () => {
    const recorded = record(contactPage('en', false), '#c-email');
    expect(resolveSeen(contactPage('de', true), recorded).status).not.toBe('found');
  });

  // First form: found the header's help-centre search. Before: refused.
  it('orders search replaced by filter chips; header help search is also name="q" → right: refused', () => {
    const recorded = record(ordersPage('en', true), 'main input[name="q"]');
    expect(resolveSeen(ordersPage('fr', false), recorded).status).not.toBe('found');
  });

  // First form: found the billing postcode. Before: refused.
  it('shipping form dropped (digital-only cart); billing postcode is also name="postcode" → right: refused', () => {
    const recorded = record(checkout('en', ['ship', 'bill']), '#ship-postcode');
    expect(resolveSeen(checkout('de', ['bill']), recorded).status).not.toBe('found');
  });

  // First form: found email_topics=events. Before: refused.
  it('SMS topics group withdrawn; email group also sends value "events" → right: refused', () => {
    const recorded = record(preferences('en', true), 'input[name="sms_topics"][value="events"]');
    expect(resolveSeen(preferences('es', false), recorded).status).not.toBe('found');
  });

  // First form: found contact_method=post. Before: refused.
  it('invoice-delivery question withdrawn; contact-method question also has value "post" → right: refused', () => {
    const recorded = record(contactMethods('en', true), 'input[name="invoice_delivery"][value="post"]');
    expect(resolveSeen(contactMethods('sv', false), recorded).status).not.toBe('found');
  });

  // First form: found the member's own phone. Before: refused.
  it('emergency-contact section removed; own phone has the same example placeholder → right: refused', () => {
    const recorded = record(profile('en', true), '#ec-phone');
    expect(resolveSeen(profile('fr', false), recorded).status).not.toBe('found');
  });

  // First form: found the "Ajuda" (help) link. Before: refused.
  it('"Archive case" (href=javascript:void(0)) moved into a menu; the help link has the same href → right: refused', () => {
    const recorded = record(casePage('en', true), '.toolbar a');
    expect(resolveSeen(casePage('pt', false), recorded).status).not.toBe('found');
  });

  // First form: found the PDF export link (href identity is the path; the query is dropped). Before: refused.
  it('CSV export withdrawn; PDF export link has the same path, another ?format → right: refused', () => {
    const recorded = record(reportPage('en', true), 'a[href$="format=csv"]');
    expect(resolveSeen(reportPage('nl', false), recorded).status).not.toBe('found');
  });

  // First form: found the feedback widget's textarea. Before: found the contact textarea
  // (namedInTranslation: "Message" → "Mensaje"). The new rule runs first and pre-empts it.
  it('contact form rebuilt without name attributes; feedback widget textarea still name="message" → right: found the contact form\'s "Mensaje"', () => {
    const before = `<main lang="en"><h1>Contact us</h1><form id="contact" action="/contact"><label for="c-msg">Message</label><textarea id="c-msg" name="message"></textarea><button>Send</button></form></main><aside lang="en"><form action="/feedback"><label for="fb">Feedback about this page</label><textarea id="fb" name="message"></textarea><button>Send feedback</button></form></aside>`;
    const after = `<main lang="es"><h1>Contacto</h1><form><label for=":r3:">Mensaje</label><textarea id=":r3:"></textarea><button>Enviar</button></form></main><aside lang="es"><form action="/feedback"><label for="fb">Comentarios sobre esta página</label><textarea id="fb" name="message"></textarea><button>Enviar comentarios</button></form></aside>`;
    const result = resolveSeen(after, record(before, '#c-msg'));
    expect(found(result)?.id).toBe(':r3:');
  });
});

describe('rule 1 (keptIdentityInTranslation): realistic variants', () => {
  // First form: found the footer link. Before and now: refused (a link's path is no identity there). Safe.
  it('header "Pricing" dropped; footer "Pricing" links to the same path → refused', () => {
    const recorded = record(site('en', true), 'header a[href="/pricing"]');
    expect(resolveSeen(site('it', false), recorded).status).not.toBe('found');
  });

  // First form: found. Before: refused.
  it('billing-period radios re-sorted in French, worded values unique → right: found value="annual"', () => {
    const plans = (lang: 'en' | 'fr', order: readonly string[]) => {
      const words: Record<string, [string, string]> = {
        monthly: ['Monthly', 'Mensuel'],
        annual: ['Annual — save 15%', 'Annuel — économisez 15 %'],
        lifetime: ['Lifetime', 'À vie'],
      };
      const i = lang === 'en' ? 0 : 1;
      return `<main lang="${lang}"><h1>${lang === 'en' ? 'Choose a billing period' : 'Choisissez une période'}</h1><form action="/billing"><div class="options">${order
        .map(
          (value) =>
            `<label class="opt"><input type="radio" name="period" value="${value}"> ${words[value]?.[i]}</label>`,
        )
        .join('')}</div><button>${lang === 'en' ? 'Continue' : 'Continuer'}</button></form></main>`;
    };
    const recorded = record(plans('en', ['monthly', 'annual', 'lifetime']), 'input[value="annual"]');
    expect(found(resolveSeen(plans('fr', ['annual', 'monthly', 'lifetime']), recorded))?.getAttribute('value')).toBe(
      'annual',
    );
  });

  // First form: found. Before and now: refused (a link's path is no identity there). Safe.
  it('"Invoices" nav link moved from the sidebar to a quick-links box in Spanish → refused, safe (right: found href="/invoices")', () => {
    const nav = (lang: 'en' | 'es', moved: boolean) => {
      const w =
        lang === 'en'
          ? { inv: 'Invoices', cust: 'Customers', set: 'Settings', h: 'Dashboard' }
          : { inv: 'Facturas', cust: 'Clientes', set: 'Configuración', h: 'Panel' };
      const invoices = `<a href="/invoices">${w.inv}</a>`;
      return `<div lang="${lang}"><nav class="side"><a href="/customers">${w.cust}</a>${moved ? '' : invoices}<a href="/settings">${w.set}</a></nav><main><h1>${w.h}</h1>${moved ? `<div class="quick">${invoices}</div>` : ''}</main></div>`;
    };
    const recorded = record(nav('en', false), 'a[href="/invoices"]');
    expect(resolveSeen(nav('es', true), recorded).status).not.toBe('found');
  });

  // First form: found. Before: refused.
  it('settings selects re-ordered in Japanese, field names unique → right: found select[name="locale"]', () => {
    const account = (lang: 'en' | 'ja', order: readonly string[]) => {
      const words: Record<string, [string, string]> = {
        tz: ['Time zone', 'タイムゾーン'],
        locale: ['Date format', '日付形式'],
        week: ['First day of week', '週の始まり'],
      };
      const i = lang === 'en' ? 0 : 1;
      return `<main lang="${lang}"><form action="/account">${order
        .map(
          (name) =>
            `<div class="row"><label>${words[name]?.[i]} <select name="${name}"><option value="a">A</option><option value="b">B</option></select></label></div>`,
        )
        .join('')}</form></main>`;
    };
    const recorded = record(account('en', ['tz', 'locale', 'week']), 'select[name="locale"]');
    expect(found(resolveSeen(account('ja', ['week', 'tz', 'locale']), recorded))?.getAttribute('name')).toBe('locale');
  });

  // First form and before: found (the id vote decides; the new rule is not reached).
  it('shipping and billing swapped in German, both kept → right: found #ship-postcode', () => {
    const recorded = record(checkout('en', ['ship', 'bill']), '#ship-postcode');
    expect(found(resolveSeen(checkout('de', ['bill', 'ship']), recorded))?.id).toBe('ship-postcode');
  });

  // First form and before: refused (two elements keep "value:checkbox:events"). Safe, not found.
  it('both topic groups kept in Spanish → right: found sms_topics=events (observed: refused, safe)', () => {
    const recorded = record(preferences('en', true), 'input[name="sms_topics"][value="events"]');
    const result = resolveSeen(preferences('es', true), recorded);
    expect(found(result)?.getAttribute('name') ?? 'refused').toMatch(/^(sms_topics|refused)$/);
  });

  // First form and before: refused. Safe.
  it('both radio questions kept, invoice question moved first → right: found invoice_delivery=post (observed: refused, safe)', () => {
    const recorded = record(contactMethods('en', true), 'input[name="invoice_delivery"][value="post"]');
    const result = resolveSeen(contactMethods('sv', true, true), recorded);
    expect(found(result)?.getAttribute('name') ?? 'refused').toMatch(/^(invoice_delivery|refused)$/);
  });

  // First form and before: refused. Safe.
  it('CSV and PDF export both kept, order swapped → right: found the CSV link (observed: refused, safe)', () => {
    const recorded = record(reportPage('en', true), 'a[href$="format=csv"]');
    const result = resolveSeen(reportPage('nl', true, true), recorded);
    expect(found(result)?.getAttribute('href') ?? 'refused').toMatch(/^(\/reports\/q3\/export\?format=csv|refused)$/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 2: onlyCopyKeepingAllItsWords (shadow-host resolution)
// ---------------------------------------------------------------------------------------------------

/** Copies of <cave-reading>; v2 relabels humidity in every copy and regroups the two fields. */
function caves(titles: readonly string[], template: 'v1' | 'v2'): void {
  document.body.innerHTML = `<main><h1>Environment log</h1><div id="reading-forms">${titles.map(() => '<cave-reading></cave-reading>').join('')}</div></main>`;
  document.querySelectorAll('cave-reading').forEach((host, index) => {
    const shadow = host.attachShadow({ mode: 'open' });
    const temperature = '<label>Temperature (°C) <input type="number" name="temp"></label>';
    const humidity =
      template === 'v2'
        ? '<label>Humidity (% RH) <input type="number" name="rh"></label>'
        : '<label>Relative humidity (%) <input type="number" name="rh"></label>';
    const fields =
      template === 'v2' ? `<div class="pair">${humidity}${temperature}</div>` : `${temperature}${humidity}`;
    shadow.innerHTML = `<form id="reading"><h3>${titles[index]}</h3>${fields}<label>Remarks <input type="text" name="remarks"></label><button type="submit">Record</button></form>`;
  });
}

function recordCaveHumidity(titles: readonly string[], index: number): TargetDescriptor {
  caves(titles, 'v1');
  const host = document.querySelectorAll('cave-reading')[index] as Element;
  return describeElement(host.shadowRoot?.querySelector('input[name="rh"]') as Element);
}

/** Copies of <bed-obs> on a ward round; v2 relabels "Pain score" → "Pain (0–10)" and regroups. */
function beds(titles: readonly string[], template: 'v1' | 'v2'): void {
  document.body.innerHTML = `<main><h1>Ward 4B — obs round</h1><section>${titles.map(() => '<bed-obs></bed-obs>').join('')}</section></main>`;
  document.querySelectorAll('bed-obs').forEach((host, index) => {
    const shadow = host.attachShadow({ mode: 'open' });
    const pulse = '<label>Pulse (bpm) <input type="number" name="pulse"></label>';
    const pain =
      template === 'v2'
        ? '<label>Pain (0–10) <input type="number" name="pain"></label>'
        : '<label>Pain score <input type="number" name="pain"></label>';
    shadow.innerHTML = `<form><h3>${titles[index]}</h3>${template === 'v2' ? `<div class="grid">${pain}${pulse}</div>` : pulse + pain}<button>Save obs</button></form>`;
  });
}

function recordPain(titles: readonly string[], index: number): TargetDescriptor {
  beds(titles, 'v1');
  const host = document.querySelectorAll('bed-obs')[index] as Element;
  return describeElement(host.shadowRoot?.querySelector('input[name="pain"]') as Element);
}

/** Copies with ids by position ("primary-value", "secondary-value"); the new template dropped humidity for brine salinity. */
function positionalCaves(titles: readonly string[], template: 'v1' | 'brine'): void {
  document.body.innerHTML = `<main><h1>Environment log</h1><div id="reading-forms">${titles.map(() => '<cave-reading></cave-reading>').join('')}</div></main>`;
  document.querySelectorAll('cave-reading').forEach((host, index) => {
    const shadow = host.attachShadow({ mode: 'open' });
    const second =
      template === 'brine'
        ? '<label for="secondary-value">Brine salinity (%)</label><input id="secondary-value" type="number" name="brine">'
        : '<label for="secondary-value">Relative humidity (%)</label><input id="secondary-value" type="number" name="rh">';
    shadow.innerHTML = `<form id="reading"><h3>${titles[index]}</h3><label for="primary-value">Temperature (°C)</label><input id="primary-value" type="number" name="temp">${second}<label>Remarks <input type="text" name="remarks"></label><button type="submit">Record</button></form>`;
  });
}

const CAVES = ['Cave 1 — pressed', 'Cave 2 — washed rind', 'Cave 3 — long aging'];

describe('rule 2 (onlyCopyKeepingAllItsWords): counter-examples', () => {
  // First form: found in "Room 6 · Bed 2". Before: refused.
  // The recorded copy's distinct words were only ["2"] ("Room 5" and "Bed" were shared).
  it('ward round: Room 5 · Bed 2 discharged, "Room 6 · Bed 2" in its place → right: refused', () => {
    const recorded = recordPain(['Room 5 · Bed 1', 'Room 5 · Bed 2', 'Room 6 · Bed 1'], 1);
    beds(['Room 5 · Bed 1', 'Room 6 · Bed 2', 'Room 6 · Bed 1'], 'v2');
    expect(resolveHere(recorded).status).not.toBe('found');
  });

  // First form: found in "Room 2 · Bed 1". Before: refused.
  it('ward round: Room 5 · Bed 2 discharged, "Room 2 · Bed 1" in its place → right: refused', () => {
    const recorded = recordPain(['Room 5 · Bed 1', 'Room 5 · Bed 2', 'Room 6 · Bed 1'], 1);
    beds(['Room 5 · Bed 1', 'Room 2 · Bed 1', 'Room 6 · Bed 1'], 'v2');
    expect(resolveHere(recorded).status).not.toBe('found');
  });

  // First form: found in "Cave 4 — washed rind". Before: refused.
  // The cave number is a small number, so only "washed" and "rind" had to be kept.
  it('Cave 2 gone, another washed-rind cave ("Cave 4 — washed rind") in its place → right: refused', () => {
    const recorded = recordCaveHumidity(CAVES, 1);
    caves(['Cave 1 — pressed', 'Cave 4 — washed rind', 'Cave 3 — long aging'], 'v2');
    expect(resolveHere(recorded).status).not.toBe('found');
  });

  // First form: found in "Cave 4 — washed rind" (the host locators followed the words). Before: refused.
  it('Cave 2 gone, "Cave 4 — washed rind" added at the end → right: refused', () => {
    const recorded = recordCaveHumidity(CAVES, 1);
    caves(['Cave 1 — pressed', 'Cave 3 — long aging', 'Cave 4 — washed rind'], 'v2');
    expect(resolveHere(recorded).status).not.toBe('found');
  });

  // First form: found in "Cave 7 — goat tomme". Before: refused.
  // Recorded among "Cave 2 — washed rind" and "Cave 3 — long aging", the goat cave's own words were only ["goat"].
  it('recorded "Cave 5 — washed rind, goat" gone; "Cave 7 — goat tomme" (subset of one word) in its place → right: refused', () => {
    const recorded = recordCaveHumidity(
      ['Cave 2 — washed rind', 'Cave 5 — washed rind, goat', 'Cave 3 — long aging'],
      1,
    );
    caves(['Cave 2 — washed rind', 'Cave 7 — goat tomme', 'Cave 3 — long aging'], 'v2');
    expect(resolveHere(recorded).status).not.toBe('found');
  });

  // First form: found the brine field in Cave 2 (its id). Before: refused.
  // (A plain page acts on it by its id, as before these rules: left as is.) Now: refused, the field name changed.
  it('humidity dropped from the template; "Brine salinity" took its positional id "secondary-value" → right: refused', () => {
    positionalCaves(CAVES, 'v1');
    const host = document.querySelectorAll('cave-reading')[1] as Element;
    const recorded = describeElement(host.shadowRoot?.querySelector('#secondary-value') as Element);
    positionalCaves(CAVES, 'brine');
    expect(resolveHere(recorded).status).not.toBe('found');
  });
});

describe('rule 2 (onlyCopyKeepingAllItsWords): realistic variants', () => {
  // First form: found. Before: refused.
  it('copies re-ordered (Cave 2 now last) and humidity relabelled → right: found rh in "Cave 2 — washed rind"', () => {
    const recorded = recordCaveHumidity(CAVES, 1);
    caves(['Cave 3 — long aging', 'Cave 1 — pressed', 'Cave 2 — washed rind'], 'v2');
    const result = resolveHere(recorded);
    expect(copyTitle(result)).toBe('Cave 2 — washed rind');
    expect(found(result)?.getAttribute('name')).toBe('rh');
  });

  // First form: found. Before: refused.
  it('Cave 2 title gained a note ("— turn daily") and humidity relabelled → right: found rh in Cave 2', () => {
    const recorded = recordCaveHumidity(CAVES, 1);
    caves(['Cave 1 — pressed', 'Cave 2 — washed rind — turn daily', 'Cave 3 — long aging'], 'v2');
    const result = resolveHere(recorded);
    expect(copyTitle(result)).toBe('Cave 2 — washed rind — turn daily');
    expect(found(result)?.getAttribute('name')).toBe('rh');
  });

  // First form: found. Before: refused.
  it('ward round unchanged but "Pain score" relabelled → right: found pain in "Room 5 · Bed 2"', () => {
    const recorded = recordPain(['Room 5 · Bed 1', 'Room 5 · Bed 2', 'Room 6 · Bed 1'], 1);
    beds(['Room 5 · Bed 1', 'Room 5 · Bed 2', 'Room 6 · Bed 1'], 'v2');
    expect(copyTitle(resolveHere(recorded))).toBe('Room 5 · Bed 2');
  });

  // First form and before: ambiguous (two copies keep "washed rind"; the rule declines). Safe.
  it('a second washed-rind cave added beside Cave 2 → right: found in Cave 2 (observed: not acted on, safe)', () => {
    const recorded = recordCaveHumidity(CAVES, 1);
    caves(['Cave 1 — pressed', 'Cave 2 — washed rind', 'Cave 5 — washed rind goat'], 'v2');
    const result = resolveHere(recorded);
    expect(result.status === 'found' ? copyTitle(result) : 'refused').toMatch(/^(Cave 2 — washed rind|refused)$/);
  });

  // First form and before: refused (the host's own checks refuse the other batch date). Safe.
  it('same cheese, another batch date ("Washed rind · Tue 3 Jun" → "… Thu 19 Jun") → right: refused', () => {
    const titles = ['Washed rind · Tue 3 Jun', 'Pressed · Sun 1 Jun', 'Long aging · Tue 20 May'];
    const recorded = recordCaveHumidity(titles, 0);
    caves(['Washed rind · Thu 19 Jun', 'Pressed · Sun 1 Jun', 'Long aging · Tue 20 May'], 'v2');
    expect(resolveHere(recorded).status).not.toBe('found');
  });

  // First form and before: refused. Safe.
  it('same cheese, another batch date written 2025-06-03 → 2025-06-19 → right: refused', () => {
    const titles = [
      'Washed rind · batch of 2025-06-03',
      'Pressed · batch of 2025-06-01',
      'Long aging · batch of 2025-05-20',
    ];
    const recorded = recordCaveHumidity(titles, 0);
    caves(
      ['Washed rind · batch of 2025-06-19', 'Pressed · batch of 2025-06-01', 'Long aging · batch of 2025-05-20'],
      'v2',
    );
    expect(resolveHere(recorded).status).not.toBe('found');
  });
});
