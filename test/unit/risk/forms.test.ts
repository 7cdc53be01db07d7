import { describe, expect, it } from 'vitest';
import { kindOf, render, verdictOf } from './helpers';

describe('submit buttons follow HTML form semantics', () => {
  it('treats a button without type in a POST form as a submit', () => {
    render('<form method="post" action="/notes/1"><input name="t" value="x"><button id="b">Continue</button></form>');
    expect(kindOf('#b')).toBe('submit');
  });

  it('does not submit with type=button or type=reset', () => {
    render(`<form method="post" action="/notes/1">
      <button id="plain" type="button">Bold</button><button id="reset" type="reset">Clear</button></form>`);
    expect(kindOf('#plain')).toBe('none');
    expect(kindOf('#reset')).toBe('none');
  });

  it('treats an unknown button type as submit, as browsers do', () => {
    render('<form method="post" action="/profile"><button id="b" type="bogus">Go on</button></form>');
    expect(kindOf('#b')).toBe('submit');
  });

  it('treats input type=image as a submit button', () => {
    render('<form method="post" action="/checkout"><input id="b" type="image" src="/pay.png" alt="Go"></form>');
    expect(kindOf('#b')).toBe('submit');
  });

  it('finds the form owner through the form attribute', () => {
    render(`<form id="bulk" method="post" action="/items/bulk"></form>
      <button id="b" form="bulk">Apply</button>`);
    expect(kindOf('#b')).toBe('submit');
  });

  it('has no form owner when the form attribute names no form, even inside one', () => {
    render('<form method="post" action="/x"><button id="b" form="missing">Apply</button></form>');
    expect(kindOf('#b')).toBe('none');
  });

  it('retargets a click on an icon inside a button to the button', () => {
    render('<form method="post" action="/notes/9/delete"><button><svg><path d=""></path></svg></button></form>');
    expect(kindOf('svg')).toBe('delete');
  });

  it('explains the request in the reasons', () => {
    render('<form aria-label="Compose" method="post" action="/messages"><button id="b">Go</button></form>');
    expect(verdictOf('#b').reasons[0]).toBe("button 'Go' submits form 'Compose' by POST to /messages");
  });
});

describe('method and action overrides', () => {
  it('lets formmethod=post turn a GET filter form into a submit ("Save view")', () => {
    render(`<form method="get" action="/issues"><input name="q" value="is:open">
      <button id="filter">Filter</button><button id="save" formmethod="post" formaction="/views">Save view</button></form>`);
    expect(kindOf('#filter')).toBe('none');
    expect(kindOf('#save')).toBe('submit');
  });

  it('lets formmethod=get turn a POST form button into a harmless preview', () => {
    render(`<form method="post" action="/posts"><textarea name="b">hi</textarea>
      <button id="preview" formmethod="get" formaction="/posts/preview">Preview</button></form>`);
    expect(kindOf('#preview')).toBe('none');
  });

  it('uses formaction to find a destructive endpoint', () => {
    render(`<form method="post" action="/notes/4"><button id="save">Save</button>
      <button id="del" formaction="/notes/4/destroy">Bin it</button></form>`);
    expect(kindOf('#save')).toBe('submit');
    expect(kindOf('#del')).toBe('delete');
  });

  it('reads a missing or invalid method as GET', () => {
    render('<form action="/search" method="fetch"><input name="q"><button id="b">Go</button></form>');
    expect(kindOf('#b')).toBe('none');
  });

  it('lets method=dialog only close the dialog', () => {
    render('<dialog open><p>Delete it?</p><form method="dialog"><button id="c">Cancel</button></form></dialog>');
    expect(kindOf('#c')).toBe('none');
  });

  it('still asks when a method=dialog button itself says delete (the page acts on the choice)', () => {
    render('<dialog open><form method="dialog"><button id="d" value="delete">Delete</button></form></dialog>');
    expect(kindOf('#d')).toBe('delete');
  });

  it('sends a mailto: form as outbound', () => {
    render('<form method="post" action="mailto:sales@example.com"><button id="b">Go</button></form>');
    expect(kindOf('#b')).toBe('outbound');
  });
});

describe('GET forms', () => {
  it('never asks for a search', () => {
    render(
      '<form role="search" method="get" action="/search"><input id="q" name="q"><button id="b">Search</button></form>',
    );
    expect(kindOf('#b')).toBe('none');
    expect(kindOf('#q', 'press-enter')).toBe('none');
  });

  it('asks when a GET form hits a destructive endpoint', () => {
    render(
      '<form method="get" action="/lists/7/unsubscribe"><input type="hidden" name="t" value="1"><button id="b">Go</button></form>',
    );
    expect(kindOf('#b')).toBe('delete');
  });

  it('asks when the GET submit button itself says send', () => {
    render('<form class="chat"><input name="m" value="hi"><button id="b">Send</button></form>');
    expect(kindOf('#b')).toBe('outbound');
  });

  it('asks when an action query parameter names a destructive verb', () => {
    render('<form method="get" action="/admin/post.php?action=trashpost&amp;id=4"><button id="b">Go</button></form>');
    expect(kindOf('#b')).toBe('delete');
  });
});

describe('kinds of POST submissions', () => {
  it('reads a Rails/Laravel _method=delete as delete', () => {
    render(`<form method="post" action="/users/4"><input type="hidden" name="_method" value="delete">
      <button id="b">Confirm</button></form>`);
    expect(kindOf('#b')).toBe('delete');
  });

  it('reads the chosen bulk action of an admin table', () => {
    render(`<form method="post" action="/admin/users/bulk"><select name="bulk_action">
      <option value="">Bulk actions</option><option value="delete" selected>Delete</option></select>
      <button id="apply">Apply</button></form>`);
    expect(kindOf('#apply')).toBe('delete');
  });

  it('calls sending a reply outbound and adding a note submit', () => {
    render(`<form method="post" action="/tickets/1/replies"><textarea name="b">Hi</textarea>
      <button id="send">Send reply</button><button id="note" formaction="/tickets/1/notes">Add internal note</button></form>`);
    expect(kindOf('#send')).toBe('outbound');
    expect(kindOf('#note')).toBe('submit');
  });

  it('takes the kind of a dialog the OK button confirms', () => {
    render(`<dialog open aria-labelledby="t"><h2 id="t">Delete 2 subscribers?</h2>
      <form method="post" action="/lists/7/subscribers/bulk"><button id="ok">OK</button></form></dialog>`);
    expect(kindOf('#ok')).toBe('delete');
  });

  it('keeps the label of a non-answer button inside a dialog', () => {
    render(`<div role="dialog" aria-label="Share file"><form method="post" action="/files/3/acl">
      <button id="save">Save</button></form></div>`);
    expect(kindOf('#save')).toBe('submit');
  });

  it('uses destructive styling when the label is only an answer', () => {
    render('<form method="post" action="/x/42"><button id="b" class="btn btn-danger">Yes</button></form>');
    expect(kindOf('#b')).toBe('delete');
  });

  it('classifies a form submitted without submitter by its own method and action', () => {
    render(`<form id="f" method="post" action="/messages"><textarea name="b">Hi</textarea><button>Send</button></form>
      <form id="g" method="get" action="/search"><input name="q"></form>`);
    expect(kindOf('#f', 'submit-form')).toBe('outbound');
    expect(kindOf('#g', 'submit-form')).toBe('none');
  });
});

describe('Enter in a field (implicit submission)', () => {
  it('submits through the default button, the first submit button in tree order', () => {
    render(`<form method="post" action="/notes/3"><input id="title" name="title" value="Plan">
      <button type="button">Bold</button><button id="save">Save</button><button formaction="/notes/3/delete">Delete</button></form>`);
    expect(kindOf('#title', 'press-enter')).toBe('submit');
  });

  it('uses the default button overrides (formmethod=get default makes Enter harmless)', () => {
    render(`<form method="post" action="/posts"><input id="t" name="t" value="x">
      <button formmethod="get" formaction="/posts/preview">Preview</button><button>Publish</button></form>`);
    expect(kindOf('#t', 'press-enter')).toBe('none');
  });

  it('counts a default button placed outside the form with form=', () => {
    render(`<form id="f" method="post" action="/invites"><input id="e" type="email" name="e" value="a@b.c">
      <input name="n" value="Ann"></form><button form="f">Invite</button>`);
    expect(kindOf('#e', 'press-enter')).toBe('outbound');
  });

  it('submits a form with one text field and no button', () => {
    render('<form method="post" action="/collaborators"><input id="e" type="email" name="e" value="a@b.c"></form>');
    expect(kindOf('#e', 'press-enter')).toBe('submit');
  });

  it('does nothing in a form with two text fields and no button', () => {
    render('<form method="post" action="/login"><input id="u" name="u"><input type="password" name="p"></form>');
    expect(kindOf('#u', 'press-enter')).toBe('none');
  });

  it('does nothing when the default button is disabled', () => {
    render('<form method="post" action="/x"><input id="u" name="u"><button disabled>Save</button></form>');
    expect(kindOf('#u', 'press-enter')).toBe('none');
  });

  it('adds a new line in a textarea', () => {
    render('<form method="post" action="/x"><textarea id="t">Hi</textarea><button>Send</button></form>');
    expect(kindOf('#t', 'press-enter')).toBe('none');
  });

  it('does nothing in a field outside any form', () => {
    render('<input id="q" name="q"><button>Send</button>');
    expect(kindOf('#q', 'press-enter')).toBe('none');
  });

  it('signs in with Enter in the password field', () => {
    render(`<form method="post" action="/session"><input name="u" value="ann"><input id="p" type="password" name="p" value="x">
      <button>Sign in</button></form>`);
    expect(kindOf('#p', 'press-enter')).toBe('submit');
  });
});
