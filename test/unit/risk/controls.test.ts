import { describe, expect, it } from 'vitest';
import { kindOf, render, verdictOf } from './helpers';

describe('links', () => {
  it('treats navigation as harmless, whatever the words ("Send feedback", "Trash", "Posts")', () => {
    render(`<a id="fb" href="/help/feedback">Send feedback</a><a id="trash" href="/notes/trash">Trash</a>
      <nav><a id="posts" href="/me/posts">Posts</a><a id="orders" href="/me/orders">Orders</a></nav>`);
    for (const id of ['#fb', '#trash', '#posts', '#orders']) expect(kindOf(id)).toBe('none');
  });

  it('treats a chip link that removes a filter as navigation', () => {
    render('<a id="x" href="/subscribers" aria-label="Remove filter Status: bounced">×</a>');
    expect(kindOf('#x')).toBe('none');
  });

  it('sends mailto: and sms: links and share intents', () => {
    render(`<a id="m" href="mailto:hugo@example.fr">hugo@example.fr</a><a id="s" href="sms:+15550100">Text us</a>
      <a id="t" href="https://twitter.com/intent/tweet?text=hi">Tweet this</a>`);
    expect(kindOf('#m')).toBe('outbound');
    expect(kindOf('#s')).toBe('outbound');
    expect(kindOf('#t')).toBe('outbound');
    expect(verdictOf('#m').reasons[0]).toContain('hugo@example.fr');
  });

  it('asks for GET links to destructive endpoints', () => {
    render(`<a id="d" href="/posts/5/delete">x</a><a id="u" href="/newsletter/unsubscribe?t=abc">here</a>
      <a id="w" href="/wp-admin/comment.php?c=3&amp;action=trashcomment">x</a>`);
    expect(kindOf('#d')).toBe('delete');
    expect(kindOf('#u')).toBe('delete');
    expect(kindOf('#w')).toBe('delete');
  });

  it('asks for a link labelled Remove even when its URL looks harmless (cart remove links)', () => {
    render('<a id="r" href="/cart/change?line=2&amp;quantity=0">Remove</a>');
    expect(kindOf('#r')).toBe('delete');
  });

  it('reads Rails data-method links as the request they make', () => {
    render(`<a id="d" href="/items/5" data-method="delete">Discard</a>
      <a id="p" href="/items/5/publish" data-method="post">Go live</a>`);
    expect(kindOf('#d')).toBe('delete');
    expect(kindOf('#p')).toBe('submit');
  });

  it('treats same-page jumps and downloads as harmless', () => {
    render(`<a id="j" href="#reply-form">Reply</a><form id="reply-form"></form>
      <a id="dl" href="/export.csv" download>Export and send</a>`);
    expect(kindOf('#j')).toBe('none');
    expect(kindOf('#dl')).toBe('none');
  });

  it('judges href="#" links by their purpose, as scripts drive them', () => {
    render('<ul><li>Report.pdf <a id="d" href="#" class="text-danger">Delete</a></li></ul>');
    expect(kindOf('#d')).toBe('delete');
  });
});

describe('script-driven controls by evident purpose', () => {
  it('catches icon-only delete buttons: Font Awesome, Bootstrap icons, Material ligature, sprite, title', () => {
    render(`<div class="row">
      <button id="fa" type="button"><i class="fa fa-trash"></i></button>
      <button id="bi" type="button"><i class="bi bi-trash3"></i></button>
      <button id="mat" type="button"><span class="material-icons">delete_forever</span></button>
      <button id="use" type="button"><svg><use href="/icons.svg#icon-trash"></use></svg></button>
      <span id="title" role="button" title="Move to trash"><svg></svg></span></div>`);
    for (const id of ['#fa', '#bi', '#mat', '#use', '#title']) expect(kindOf(id)).toBe('delete');
  });

  it('catches icon-only send buttons', () => {
    render(`<button id="plane" type="button"><i class="fa-solid fa-paper-plane"></i></button>
      <div id="mat" role="button"><span class="material-symbols-outlined">send</span></div>`);
    expect(kindOf('#plane')).toBe('outbound');
    expect(kindOf('#mat')).toBe('outbound');
  });

  it('leaves editor toolbar buttons alone ("Remove formatting", Bold)', () => {
    render(`<div role="toolbar"><button id="b" type="button" aria-label="Bold"><b>B</b></button>
      <button id="rf" type="button">Remove formatting</button>
      <button id="fr" type="button">Supprimer la mise en forme</button></div>`);
    expect(kindOf('#b')).toBe('none');
    expect(kindOf('#rf')).toBe('none');
    expect(kindOf('#fr')).toBe('none');
  });

  it('leaves a chip button that removes a filter alone', () => {
    render('<span class="chip">Open <button id="x" type="button" aria-label="Remove filter: Open">×</button></span>');
    expect(kindOf('#x')).toBe('none');
  });

  it('does not ask for a Delete that only opens its confirmation dialog or a menu', () => {
    render(`<button id="d" type="button" aria-haspopup="dialog">Delete</button>
      <button id="m" type="button" aria-haspopup="menu" aria-expanded="false">Share</button>
      <button id="bs" type="button" data-bs-toggle="modal" data-bs-target="#x">Remove</button>`);
    expect(kindOf('#d')).toBe('none');
    expect(kindOf('#m')).toBe('none');
    expect(kindOf('#bs')).toBe('none');
  });

  it('ignores tabs named after risky things', () => {
    render('<div role="tablist"><button id="t" role="tab">Send</button></div><div id="u" role="tab">Delete log</div>');
    expect(kindOf('#t')).toBe('none');
    expect(kindOf('#u')).toBe('none');
  });

  it('asks for a script-driven Save, Pay or Place order', () => {
    render(`<button id="s" type="button">Save changes</button><div id="p" role="button">Pay €42.00</div>
      <button id="o" type="button">Place order</button>`);
    expect(kindOf('#s')).toBe('submit');
    expect(kindOf('#p')).toBe('submit');
    expect(kindOf('#o')).toBe('submit');
  });

  it('uses destructive styling on a script-driven button that names no other action', () => {
    render(
      '<button id="d" type="button" class="is-destructive">Leave</button><button id="c" type="button" class="btn-danger">Cancel</button>',
    );
    expect(kindOf('#d')).toBe('delete');
    expect(kindOf('#c')).toBe('none');
  });

  it('uses developer hints only when an icon-only control has no words', () => {
    render('<button id="h" type="button" class="js-delete-row"><svg></svg></button>');
    expect(kindOf('#h')).toBe('delete');
  });
});

describe('composers', () => {
  it('sends a Reply role=button under a filled reply box', () => {
    render(`<div class="reply-box"><div contenteditable="true">Sounds good, see you then.</div>
      <div class="actions"><div id="r" role="button">Reply</div></div></div>`);
    expect(kindOf('#r')).toBe('outbound');
  });

  it('does not send a Reply that only opens a composer', () => {
    render(`<article><p>Hello</p><div class="actions"><div id="r" role="button">Reply</div>
      <button id="f" type="button">Forward</button></div><form method="post" action="/send">
      <textarea>Draft text</textarea><button>Send</button></form></article>`);
    expect(kindOf('#r')).toBe('none');
    expect(kindOf('#f')).toBe('none');
  });

  it('does not send a Comment next to an empty box', () => {
    render('<div class="c"><textarea></textarea><button id="c" type="button">Comment</button></div>');
    expect(kindOf('#c')).toBe('none');
  });

  it('always sends a Post or Send role=button', () => {
    render('<div><div contenteditable="true"></div><div id="p" role="button">Post</div></div>');
    expect(kindOf('#p')).toBe('outbound');
  });
});

describe('dialogs', () => {
  it('reads an OK button in a "Delete …?" dialog as delete', () => {
    render(`<div role="alertdialog" aria-labelledby="h"><h2 id="h">Delete project “Apollo”?</h2>
      <p>This cannot be undone.</p><button id="ok" type="button">OK</button><button id="no" type="button">Cancel</button></div>`);
    expect(kindOf('#ok')).toBe('delete');
    expect(kindOf('#no')).toBe('none');
  });

  it('reads Discard in a "Discard draft?" dialog as delete', () => {
    render(
      '<dialog open><p>Discard draft?</p><button id="d" type="button">Discard</button><button type="button">Keep editing</button></dialog>',
    );
    expect(kindOf('#d')).toBe('delete');
  });

  it('reads Yes in a "Send this message?" dialog as outbound', () => {
    render('<div class="modal"><p>Send this message to 40 people?</p><button id="y" type="button">Yes</button></div>');
    expect(kindOf('#y')).toBe('outbound');
  });

  it('reads a warning without a verb as delete ("cannot be undone") for a bare OK', () => {
    render(
      '<div role="dialog"><p>Are you sure? This cannot be undone.</p><button id="ok" type="button">OK</button></div>',
    );
    expect(kindOf('#ok')).toBe('delete');
  });

  it('does not ask for OK in a plain notice', () => {
    render('<div role="dialog"><p>Your changes were saved.</p><button id="ok" type="button">OK</button></div>');
    expect(kindOf('#ok')).toBe('none');
  });

  it('keeps the own meaning of other buttons in a dialog ("Copy link" in a share dialog)', () => {
    render('<div role="dialog" aria-label="Share “Report.pdf”"><button id="c" type="button">Copy link</button></div>');
    expect(kindOf('#c')).toBe('none');
  });

  it('answers dialogs in other languages', () => {
    render(`<div role="dialog"><p>¿Vaciar la papelera?</p><button id="es" type="button">Aceptar</button></div>
      <div role="dialog"><p>Diese Nachricht endgültig löschen?</p><button id="de" type="button">Ja</button></div>`);
    expect(kindOf('#es')).toBe('delete');
    expect(kindOf('#de')).toBe('delete');
  });
});

describe('words in many languages', () => {
  const cases: Array<[string, 'delete' | 'outbound' | 'submit']> = [
    ['Löschen', 'delete'],
    ['Supprimer', 'delete'],
    ['Eliminar', 'delete'],
    ['Elimina', 'delete'],
    ['Excluir', 'delete'],
    ['Verwijderen', 'delete'],
    ['Usuń', 'delete'],
    ['Ta bort', 'delete'],
    ['Удалить', 'delete'],
    ['削除', 'delete'],
    ['删除', 'delete'],
    ['삭제', 'delete'],
    ['Sil', 'delete'],
    ['حذف', 'delete'],
    ['हटाएं', 'delete'],
    ['Senden', 'outbound'],
    ['Envoyer', 'outbound'],
    ['Enviar', 'outbound'],
    ['Invia', 'outbound'],
    ['Verzenden', 'outbound'],
    ['Wyślij', 'outbound'],
    ['Skicka', 'outbound'],
    ['Отправить', 'outbound'],
    ['送信', 'outbound'],
    ['发送', 'outbound'],
    ['보내기', 'outbound'],
    ['Gönder', 'outbound'],
    ['إرسال', 'outbound'],
    ['भेजें', 'outbound'],
    ['Speichern', 'submit'],
    ['Enregistrer', 'submit'],
    ['Guardar', 'submit'],
    ['Salva', 'submit'],
    ['Opslaan', 'submit'],
    ['Zapisz', 'submit'],
    ['Spara', 'submit'],
    ['Сохранить', 'submit'],
    ['保存', 'submit'],
    ['저장', 'submit'],
    ['Kaydet', 'submit'],
    ['حفظ', 'submit'],
    ['सहेजें', 'submit'],
    ['Überweisen', 'submit'],
    ['Zahlungspflichtig bestellen', 'submit'],
  ];
  it.each(cases)('reads a script-driven "%s" as %s', (label, kind) => {
    render(`<button id="b" type="button">${label}</button>`);
    expect(kindOf('#b')).toBe(kind);
  });

  it('does not take cancel buttons in other languages for anything', () => {
    for (const label of [
      'Abbrechen',
      'Annuler',
      'Cancelar',
      'Annulla',
      'Отмена',
      'キャンセル',
      '取消',
      '취소',
      'İptal',
      'إلغاء',
    ]) {
      render(`<button id="b" type="button">${label}</button>`);
      expect(kindOf('#b')).toBe('none');
    }
  });
});
