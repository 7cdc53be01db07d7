import { afterEach, describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

afterEach(() => {
  document.body.innerHTML = '';
});

function record(html: string, selector: string) {
  document.body.innerHTML = html;
  return describeElement(document.querySelector(selector) as Element);
}

const STATUS_OPTIONS =
  '<option>Any status</option><option>Submitted</option><option>In review</option><option>Approved</option>';
const INSPECTION_OPTIONS =
  '<option>Any</option><option>Scheduled</option><option>Passed</option><option>Failed</option>';
const TYPE_OPTIONS = '<option>Any type</option><option>Building</option><option>Electrical</option>';

const BEFORE = `<aside><h2>Filter permits</h2><form id="filters">
  <label for="f-type">Permit type</label><select id="f-type" name="type">${TYPE_OPTIONS}</select>
  <label for="f-status">Status</label><select id="f-status" name="status">${STATUS_OPTIONS}</select>
  <button>Apply filters</button></form></aside><main><h1>Permits</h1></main>`;

describe('a select told by its options', () => {
  it('is found by the same option list when relabelled beside a new look-alike', () => {
    const target = record(BEFORE, '#f-status');
    expect(target.fingerprint.options).toBe('any status | submitted | in review | approved');
    expect(target.fingerprint.optionsUnique).toBe(true);
    // Moved to a toolbar, ids regenerated, "Status" now "Permit status", a new "Inspection status" before it.
    document.body.innerHTML = `<main><h1>Permits</h1><div class="toolbar" id="tb">
      <label for="x1">Permit type</label><select id="x1" name="permit_type">${TYPE_OPTIONS}</select>
      <label for="x2">Inspection status</label><select id="x2" name="inspection_status">${INSPECTION_OPTIONS}</select>
      <label for="x3">Permit status</label><select id="x3" name="permit_status">${STATUS_OPTIONS}</select>
      <button>Apply</button></div></main>`;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('x3');
  });

  it('says nothing when another select offered the same list at recording', () => {
    const target = record(
      `<form><label for="a">Preferred branch</label><select id="a">${STATUS_OPTIONS}</select>
       <label for="b">Alternate branch</label><select id="b">${STATUS_OPTIONS}</select></form>`,
      '#a',
    );
    expect(target.fingerprint.optionsUnique).toBeUndefined();
    // The preferred one is gone; the alternate offers the same list but is another question.
    document.body.innerHTML = `<form><label for="b">Alternate branch</label><select id="b2">${STATUS_OPTIONS}</select>
      <label for="c">Region</label><select id="c">${TYPE_OPTIONS}</select></form>`;
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('says nothing when two selects now offer the recorded list', () => {
    const target = record(BEFORE, '#f-status');
    document.body.innerHTML = `<main><h1>Permits</h1><div class="toolbar">
      <label for="x2">Inspection status</label><select id="x2" name="inspection_status">${STATUS_OPTIONS}</select>
      <label for="x3">Permit status</label><select id="x3" name="permit_status">${STATUS_OPTIONS}</select>
      </div></main>`;
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('keeps short lists out of it: "Yes / No" names no select', () => {
    const target = record(
      '<form><label for="s">Smoker</label><select id="s"><option>Yes</option><option>No</option></select></form>',
      '#s',
    );
    expect(target.fingerprint.options).toBeUndefined();
  });
});

const EN_STATUS =
  '<option value="">Select…</option><option value="AP">At pickup</option><option value="LD">Loaded</option><option value="IT">In transit</option><option value="DL">Delivered</option>';
const ES_STATUS =
  '<option value="">Seleccionar…</option><option value="AP">En recolección</option><option value="LD">Cargado</option><option value="IT">En tránsito</option><option value="DL">Entregado</option>';

describe('a select on a page translated since recording', () => {
  it('is the one select whose options still send the recorded values', () => {
    document.documentElement.lang = 'en';
    const target = record(
      `<form id="f"><label for="sel-1">Stop</label><select id="sel-1"><option value="1">Stop 1 · Laredo</option><option value="2">Stop 2 · Monterrey</option></select>
       <label for="sel-2">Status</label><select id="sel-2">${EN_STATUS}</select></form>`,
      '#sel-2',
    );
    // In Spanish now, with a time-zone select inserted that took the id "sel-2".
    document.documentElement.lang = 'es';
    document.body.innerHTML = `<form id="f"><label for="sel-1">Parada</label><select id="sel-1"><option value="1">Parada 1 · Laredo</option><option value="2">Parada 2 · Monterrey</option></select>
      <label for="sel-2">Zona horaria</label><select id="sel-2"><option value="America/Chicago">Hora del Centro</option><option value="America/Denver">Hora de la Montaña</option><option value="America/Monterrey">Hora de Monterrey</option></select>
      <label for="sel-4">Estatus</label><select id="sel-4">${ES_STATUS}</select></form>`;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('sel-4');
  });

  it('is the one of two selects sending those values that offers as many options as it did', () => {
    document.documentElement.lang = 'en';
    const section =
      '<option value="metro">Metro</option><option value="politics">Politics</option><option value="business">Business</option><option value="sports">Sports</option>';
    const target = record(
      `<form><label for="a">Section</label><select id="a" name="section">${section}</select></form>`,
      '#a',
    );
    // In Spanish now, and the sidebar's filter of the same sections (with "All sections" first) came first.
    document.documentElement.lang = 'es';
    const seccion =
      '<option value="metro">Local</option><option value="politics">Política</option><option value="business">Economía</option><option value="sports">Deportes</option>';
    document.body.innerHTML = `<aside><label for="f">Filtrar</label><select id="f" name="section"><option value="">Todas las secciones</option>${seccion}</select></aside>
      <form><label for="b">Sección</label><select id="b" name="section">${seccion}</select></form>`;
    const result = resolveTarget(document, target);
    expect(result).toMatchObject({ status: 'found', element: document.getElementById('b') });
    document.documentElement.lang = '';
  });

  it('is refused when two selects send those values', () => {
    document.documentElement.lang = 'en';
    const target = record(`<form><label for="a">Status</label><select id="a">${EN_STATUS}</select></form>`, '#a');
    document.documentElement.lang = 'es';
    document.body.innerHTML = `<form><label for="b">Estatus actual</label><select id="b">${ES_STATUS}</select>
      <label for="c">Estatus nuevo</label><select id="c">${ES_STATUS}</select></form>`;
    expect(resolveTarget(document, target).status).not.toBe('found');
    document.documentElement.lang = '';
  });
});

describe('a select in a row whose label was dropped', () => {
  const ISSUE_STATUS = '<option>Backlog</option><option>Todo</option><option>In progress</option><option>Done</option>';
  const PRIORITY = '<option>Low</option><option>Medium</option><option>High</option>';
  const row = (key: string, title: string, named: boolean, priority = false) =>
    `<tr><td><select ${named ? `data-testid="issue-status" aria-label="Status for ${key}"` : 'class="c-3mv"'}>${ISSUE_STATUS}</select></td>
     <td>${key}</td><td>${title}</td>${priority ? `<td><select class="c-9q">${PRIORITY}</select></td>` : '<td>Low</td>'}</tr>`;
  const table = (rows: string) =>
    `<main><h1>Issues</h1><table><thead><tr><th>Status</th><th>ID</th><th>Title</th><th>Priority</th></tr></thead>
     <tbody>${rows}</tbody></table></main>`;
  const BEFORE = table(
    row('ENG-237', 'Fix the login redirect', true) +
      row('ENG-235', 'Add CSV export to reports', true) +
      row('ENG-231', 'Remove legacy v1 export endpoint', true),
  );

  it('is the only select left in the recorded row, its label words around it', () => {
    const target = record(BEFORE, 'tr:nth-child(3) select');
    expect(target.fingerprint.name).toBe('Status for ENG-231');
    // Labels and test ids dropped, each select in a wrapper, a new issue on top.
    document.body.innerHTML = table(
      row('ENG-240', 'Rate-limit the public API', false) +
        row('ENG-237', 'Fix the login redirect', false) +
        row('ENG-235', 'Add CSV export to reports', false) +
        row('ENG-231', 'Remove legacy v1 export endpoint', false),
    );
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toContain('ENG-231');
  });

  it('is not taken from another row when the recorded row is gone', () => {
    const target = record(BEFORE, 'tr:nth-child(3) select');
    document.body.innerHTML = table(
      row('ENG-240', 'Rate-limit the public API', false) +
        row('ENG-237', 'Fix the login redirect', false) +
        row('ENG-235', 'Add CSV export to reports', false),
    );
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('is not guessed when the row now holds two unnamed selects', () => {
    const target = record(BEFORE, 'tr:nth-child(3) select');
    document.body.innerHTML = table(
      row('ENG-237', 'Fix the login redirect', false, true) +
        row('ENG-231', 'Remove legacy v1 export endpoint', false, true),
    );
    const result = resolveTarget(document, target);
    // Found only as the status select itself (by its options), never the priority one.
    if (result.status === 'found') expect(result.element.className).toBe('c-3mv');
  });
});

describe('a select whose name falls back to the label it showed', () => {
  const CHOICES = '<option>Best match</option><option>Pick a replacement</option><option>Refund me</option>';
  const line = (id: string, item: string, price: string, named: boolean) =>
    `<li><h3>${item}</h3><span>${price}</span><button>Remove</button>
     <div><label for="${id}">If unavailable</label>
     <select id="${id}"${named ? ` aria-label="If ${item} is unavailable"` : ''}>${CHOICES}</select></div></li>`;
  const cart = (lines: string) => `<main><h1>Your cart</h1><ul>${lines}</ul></main>`;

  it('is the line’s only such select once its per-line aria-label is dropped', () => {
    const target = record(
      cart(line(':r1f:', 'Free-range whole chicken', '$17.96', true) + line(':r1h:', 'Salmon fillet', '$14.99', true)),
      '#\\:r1f\\:',
    );
    expect(target.fingerprint.name).toBe('If Free-range whole chicken is unavailable');
    // Ids regenerated (the old one now on another line), aria-labels dropped, a new line on top.
    document.body.innerHTML = cart(
      line(':r4b:', 'Oat milk', '$4.49', false) +
        line(':r1f:', 'Salmon fillet', '$14.99', false) +
        line(':r4f:', 'Free-range whole chicken', '$17.96', false),
    );
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe(':r4f:');
  });
});
