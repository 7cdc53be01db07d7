import { describe, expect, it } from 'vitest';
import { areCognates, cognateWords, namedByCognates } from '@/lib/locators/cognates';
import { describeElement } from '@/lib/locators/describe';
import { resolveTarget } from '@/lib/locators/resolve';

describe('cognates', () => {
  it('pairs a word with its translation when they share a stem or most of their spelling', () => {
    expect(areCognates('edit', 'editar')).toBe(true);
    expect(areCognates('document', 'documento')).toBe(true);
    expect(areCognates('frequency', 'frecuencia')).toBe(true);
    expect(areCognates('number', 'numero')).toBe(true);
    expect(areCognates('section', 'seccion')).toBe(true);
  });

  it('does not pair short or merely similar words', () => {
    expect(areCognates('save', 'sale')).toBe(false);
    expect(areCognates('close', 'clone')).toBe(false);
    expect(areCognates('edit', 'editorial')).toBe(false);
    expect(areCognates('view', 'voir')).toBe(false);
    expect(areCognates('import', 'export')).toBe(false);
  });

  it('reads words without accents, digits or short words', () => {
    expect(cognateWords('Número de documento 2')).toEqual(['numero', 'documento']);
  });

  it('needs a counterpart for every word of the recorded name', () => {
    expect(namedByCognates('Document number', 'Número de documento')).toBe(true);
    expect(namedByCognates('Alternate pickup location', 'Sucursal alternativa para recoger')).toBe(false);
    expect(namedByCognates('OK', 'OK')).toBe(false);
  });
});

describe('a page translated since recording', () => {
  function record(html: string, id: string) {
    document.documentElement.lang = 'en';
    document.body.innerHTML = html;
    return JSON.parse(JSON.stringify(describeElement(document.getElementById(id) as Element)));
  }

  it('finds the one field whose label translates the recorded one word for word', () => {
    const target = record(
      `<form><label for="a">Amount</label><input id="a" name="amt"><label for="f">Frequency</label>
       <select id="f"><option>One time</option><option>Weekly</option><option>Monthly</option></select>
       <label for="n">Note</label><select id="n"><option>None</option><option>Gift</option></select></form>`,
      'f',
    );
    document.documentElement.lang = 'es';
    document.body.innerHTML = `<form><label for="x1">Nota</label><select id="x1"><option>Ninguna</option><option>Regalo</option></select>
      <label for="x2">Importe</label><input id="x2" name="importe"><label for="x3">Frecuencia</label>
      <select id="x3"><option>Una vez</option><option>Semanal</option><option>Mensual</option></select></form>`;
    expect(resolveTarget(document, target)).toMatchObject({ status: 'found', element: document.getElementById('x3') });
    document.documentElement.lang = '';
  });

  it('does not take a one-word command for the recorded one on its name alone', () => {
    const target = record(
      '<main><h1>Orders</h1><div role="dialog"><p>Cancel order 1043?</p><button id="c">Cancel</button><button>Keep</button></div></main>',
      'c',
    );
    // The dialog is gone; the search form's "Cancelar" only looks like it.
    document.documentElement.lang = 'es';
    document.body.innerHTML =
      '<main><h1>Pedidos</h1><form><input type="search"><button id="x">Cancelar</button></form></main>';
    expect(resolveTarget(document, target).status).not.toBe('found');
    document.documentElement.lang = '';
  });

  it("among look-alikes takes only the one in the recorded person's section", () => {
    const passenger = (n: number, name: string, label: string) =>
      `<fieldset><legend>${name}</legend><label for="d${n}">${label}</label><input id="d${n}"></fieldset>`;
    const target = record(
      passenger(1, 'Ana Ruiz', 'Document number') + passenger(2, 'Piotr Kowalski', 'Document number'),
      'd2',
    );
    document.documentElement.lang = 'es';
    document.body.innerHTML =
      passenger(3, 'Ana Ruiz', 'Número de documento') + passenger(4, 'Piotr Kowalski', 'Número de documento');
    expect(resolveTarget(document, target)).toMatchObject({ status: 'found', element: document.getElementById('d4') });
    // Neither section is the recorded person's: no guess.
    document.body.innerHTML =
      passenger(5, 'Ana Ruiz', 'Número de documento') + passenger(6, 'Marta Nowak', 'Número de documento');
    expect(resolveTarget(document, target).status).not.toBe('found');
    document.documentElement.lang = '';
  });
});
