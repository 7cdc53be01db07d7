// Server-rendered pages of Acme CRM. Each takes a page context `{ui, state}` (ui from createUi) and
// returns an html`` result; client scripts are small inline scripts that find their elements by the
// ids rendered into them, so the changed build's new ids don't need a stable hook.
import { html, js, raw } from './html.mjs';
import { bareDocument, checked, classes, field, invalidAttrs, page, selectOptions } from './layout.mjs';
import {
  CHANNELS,
  COMPANIES,
  COMPANY_SIZES,
  DEMO_USER,
  DIGESTS,
  LANGUAGES,
  REPORT_TYPES,
  TIMEZONES,
} from './state.mjs';

export const HELP_ARTICLES = [
  { title: 'Importing contacts from a spreadsheet', summary: 'Upload a CSV file with one contact per row.' },
  { title: 'Sending messages to contacts', summary: 'Compose a message and pick a recipient by email.' },
  { title: 'Deleting a contact', summary: 'Deleted contacts cannot be restored.' },
  { title: 'Connecting a chat channel', summary: 'Post new-contact alerts to a team chat channel.' },
  { title: 'Generating reports', summary: 'Reports summarise contacts and messages; download or archive them.' },
  { title: 'Changing your notification settings', summary: 'Pick which events send you an email digest.' },
];

const EMAIL_PATTERN_SOURCE = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

export function loginPage(ui, { error, email = '', next = '', signedOut = false }) {
  const k = classes(ui);
  const body = html`<main class="${k.main}" style="max-width:400px">
<h1>Sign in to Acme CRM</h1>
${signedOut ? html`<div role="status" class="${k.flash}">You have been signed out.</div>` : ''}
${error ? html`<div role="alert" class="${k.alert}">${error}</div>` : ''}
<form method="post" action="/login" class="${k.card}">
<input type="hidden" name="next" value="${next}">
${field(ui, {
  id: 'email',
  label: 'Email',
  control: () =>
    html`<input class="${k.input}" id="email" name="email" type="email" autocomplete="username" value="${email}" required>`,
})}
${field(ui, {
  id: 'password',
  label: 'Password',
  control: () =>
    html`<input class="${k.input}" id="password" name="password" type="password" autocomplete="current-password" required>`,
})}
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">Sign in</button>`, 'Button')}</div>
</form>
<p class="${k.muted}">Demo account: ${DEMO_USER.email} / ${DEMO_USER.password}</p>
</main>`;
  return bareDocument(ui, { title: 'Sign in · Acme CRM', body });
}

export function dashboardPage(ctx) {
  const { ui, state } = ctx;
  const k = classes(ui);
  const firstName = state.settings.displayName.split(' ')[0] || 'there';
  const openTasks = state.tasks.filter((t) => t.status === 'open').length;
  const noteIds = { input: ui.gid('quick-note-input'), status: ui.rid() };
  const links = [
    ['/contacts', 'Contacts', 'Browse, search, edit and delete contacts.'],
    ['/contacts/new', 'Add contact', 'Create a new contact record.'],
    ['/messages/new', 'Compose message', 'Write and send a message.'],
    ['/messages', 'Sent messages', 'Everything you have sent.'],
    ['/reports', 'Reports', 'Generate a summary report.'],
    ['/app/inbox', 'Task inbox', 'Your open and archived tasks.'],
    ['/settings', 'Settings', 'Profile, notifications and integrations.'],
    ['/onboarding', 'Set up your workspace', 'Tell us about your company.'],
    ['/survey', 'Customer survey', 'One hundred quick questions.'],
  ];
  const body = html`<div class="${k.pageHead}"><h1>Welcome back, ${firstName}</h1>
<a href="/help" target="_blank" rel="noopener">Open help center</a></div>
<section class="${k.card}" aria-labelledby="${ui.gid('at-a-glance')}">
<h2 id="${ui.gid('at-a-glance')}">At a glance</h2>
<ul>
<li>${state.contacts.length} contacts</li>
<li>${state.sentMessages.length} messages sent</li>
<li>${openTasks} open tasks</li>
</ul>
</section>
<section aria-label="Shortcuts" class="${k.grid}">
${links.map(
  ([href, label, text]) => html`<div class="${k.card}">${ui.wrap(html`<a href="${href}">${label}</a>`, 'Card')}
<p class="${k.muted}">${text}</p></div>`,
)}
</section>
<section class="${k.card}">
<quick-note notes="${JSON.stringify(state.quickNotes.map((n) => n.text))}"></quick-note>
</section>`;
  const script = raw(`
const ids = ${js(noteIds)};
const k = ${js({ input: k.input, button: k.button, primary: k.primary, muted: k.muted })};
class QuickNote extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{display:block} form{display:flex;gap:8px;align-items:end} label{display:flex;flex-direction:column;gap:4px;font-weight:600} input{font:inherit;padding:7px 9px;border:1px solid #bcccdc;border-radius:6px} button{font:inherit;padding:7px 14px;border-radius:6px;border:1px solid #2458c5;background:#2458c5;color:#fff;cursor:pointer} .muted{color:#7b8794}</style>'
      + '<h2>Quick notes</h2><form><label for="' + ids.input + '">Quick note</label><input id="' + ids.input + '" name="note" class="' + k.input + '" autocomplete="off"><button type="submit" class="' + k.button + ' ' + k.primary + '">Add</button></form>'
      + '<p id="' + ids.status + '" role="status" class="muted"></p><ul></ul>';
    const list = root.querySelector('ul');
    const status = root.getElementById(ids.status);
    const input = root.getElementById(ids.input);
    const addItem = (text) => { const li = document.createElement('li'); li.textContent = text; list.append(li); };
    JSON.parse(this.getAttribute('notes') || '[]').forEach(addItem);
    root.querySelector('form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) { status.textContent = 'Write a note first.'; return; }
      const response = await fetch('/api/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      if (!response.ok) { status.textContent = 'Could not save the note.'; return; }
      const result = await response.json();
      addItem(result.note.text);
      input.value = '';
      status.textContent = 'Note added.';
    });
  }
}
customElements.define('quick-note', QuickNote);
`);
  return page(ctx, { title: 'Dashboard', active: 'dashboard', body, flash: ctx.flash, script });
}

function fullName(contact) {
  return `${contact.firstName} ${contact.lastName}`;
}

export function contactsPage(ctx, { q }) {
  const { ui, state } = ctx;
  const k = classes(ui);
  const query = q.trim().toLowerCase();
  const rows = state.contacts
    .filter((c) => !query || [fullName(c), c.email, c.company].some((v) => v.toLowerCase().includes(query)))
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id - b.id);
  const searchId = ui.gid('contact-search');
  const dialogId = ui.gid('delete-dialog');
  const dialogTitleId = ui.rid();
  const dialogTextId = ui.rid();
  const channelLabel = (value) => CHANNELS.find((c) => c.value === value)?.label ?? value;
  const body = html`<div class="${k.pageHead}"><h1>Contacts</h1>
${ui.wrap(html`<a class="${k.button} ${k.primary}" href="/contacts/new">${ui.text('Add contact', 'New contact')}</a>`, 'Button')}</div>
<form role="search" method="get" action="/contacts" class="${k.actions}" style="margin-bottom:16px">
<label for="${searchId}">Search contacts</label>
<input class="${k.input}" id="${searchId}" name="q" type="search" value="${q}">
${ui.wrap(html`<button type="submit" class="${k.button}">Search</button>`, 'Button')}
</form>
${
  rows.length === 0
    ? html`<p>No contacts match “${q}”.</p>`
    : html`<table class="${k.table}">
<caption class="sr-only">Contacts</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Company</th><th scope="col">Preferred channel</th><th scope="col">Actions</th></tr></thead>
<tbody>
${rows.map(
  (c) => html`<tr>
<td>${fullName(c)}</td><td>${c.email}</td><td>${c.company}</td><td>${channelLabel(c.channel)}</td>
<td><div class="${k.rowActions}">
${ui.wrap(html`<a class="${k.button}" href="/contacts/${c.id}/edit">Edit<span class="sr-only"> ${fullName(c)}</span></a>`, 'Button')}
${ui.wrap(html`<button type="button" class="${k.button} ${k.danger}" data-contact-id="${c.id}" data-contact-name="${fullName(c)}">Delete<span class="sr-only"> ${fullName(c)}</span></button>`, 'Button')}
</div></td>
</tr>`,
)}
</tbody>
</table>`
}
<dialog id="${dialogId}" class="${k.dialog}" aria-labelledby="${dialogTitleId}" aria-describedby="${dialogTextId}">
<form method="post" action="/contacts">
<h2 id="${dialogTitleId}">Delete contact</h2>
<p id="${dialogTextId}"></p>
<div class="${k.actions}">
${ui.wrap(html`<button type="button" class="${k.button}" value="cancel">Cancel</button>`, 'Button')}
${ui.wrap(html`<button type="submit" class="${k.button} ${k.danger}">Delete</button>`, 'Button')}
</div>
</form>
</dialog>`;
  const script = raw(`
const dialog = document.getElementById(${js(dialogId)});
const text = document.getElementById(${js(dialogTextId)});
const form = dialog.querySelector('form');
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-contact-id]');
  if (!button) return;
  form.action = '/contacts/' + encodeURIComponent(button.dataset.contactId) + '/delete';
  text.textContent = 'Delete ' + button.dataset.contactName + '? This cannot be undone.';
  dialog.showModal();
});
dialog.querySelector('button[value=cancel]').addEventListener('click', () => dialog.close());
`);
  return page(ctx, { title: 'Contacts', active: 'contacts', body, flash: ctx.flash, script });
}

export const EMPTY_CONTACT = Object.freeze({
  firstName: '',
  lastName: '',
  email: '',
  company: COMPANIES[0],
  channel: 'email',
  newsletter: false,
  birthday: '',
  notes: '',
});

export function contactFormPage(ctx, { contact, errors = {}, id }) {
  const { ui } = ctx;
  const k = classes(ui);
  const isNew = id === undefined;
  const action = isNew ? '/contacts/new' : `/contacts/${id}/edit`;
  const formId = ui.gid('contact-form');
  const text = (name, id, label, type = 'text', extra = '') =>
    field(ui, {
      id,
      label,
      error: errors[name],
      control: (errorId) =>
        html`<input class="${k.input}" id="${id}" name="${name}" type="${type}" value="${contact[name]}" ${invalidAttrs(errors[name], errorId)}${raw(extra)}>`,
    });
  // Thunks, so ids are assigned in display order (as a React rebuild would).
  const fields = [
    () => text('firstName', 'first-name', 'First name', 'text', ' autocomplete="given-name"'),
    () => text('lastName', 'last-name', 'Last name', 'text', ' autocomplete="family-name"'),
    () => text('email', ui.gid('contact-email'), 'Email address', 'email', ' autocomplete="email"'),
    () => {
      const id = ui.rid();
      return field(ui, {
        id,
        label: 'Company',
        control: () =>
          html`<select class="${k.input}" id="${id}" name="company">${selectOptions(COMPANIES, contact.company)}</select>`,
      });
    },
    () => html`<fieldset class="${k.fieldset}"><legend>Preferred channel</legend>
${CHANNELS.map((channel) => {
  const id = ui.rid();
  return html`<div class="${k.choice}"><input type="radio" id="${id}" name="channel" value="${channel.value}"${checked(contact.channel === channel.value)}><label for="${id}">${channel.label}</label></div>`;
})}
</fieldset>`,
    () => {
      const id = ui.gid('newsletter');
      return html`<div class="${k.choice}" style="margin-bottom:14px"><input type="checkbox" id="${id}" name="newsletter" value="yes"${checked(contact.newsletter)}><label for="${id}">Subscribe to newsletter</label></div>`;
    },
    () => text('birthday', ui.rid(), 'Birthday', 'date'),
    () => {
      const id = ui.gid('notes');
      return field(ui, {
        id,
        label: 'Notes',
        control: () => html`<textarea class="${k.input}" id="${id}" name="notes" rows="4">${contact.notes}</textarea>`,
      });
    },
  ];
  const hasErrors = Object.keys(errors).length > 0;
  const title = isNew ? 'New contact' : `Edit ${fullName(contact)}`;
  const body = html`<h1>${title}</h1>
${hasErrors ? html`<div role="alert" class="${k.alert}">Please fix the highlighted fields.</div>` : ''}
<form id="${formId}" method="post" action="${action}" class="${k.card}" novalidate>
${ui.order(fields, [2, 0, 1, 3, 6, 4, 5, 7]).map((render) => render())}
<div class="${k.actions}">
${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">${ui.text('Save contact', 'Save')}</button>`, 'Button')}
<a href="/contacts">Cancel</a>
</div>
</form>`;
  const script = raw(`
const form = document.getElementById(${js(formId)});
const emailPattern = new RegExp(${js(EMAIL_PATTERN_SOURCE)});
const rules = [
  ['firstName', (v) => v.trim() ? '' : 'Enter a first name.'],
  ['lastName', (v) => v.trim() ? '' : 'Enter a last name.'],
  ['email', (v) => !v.trim() ? 'Enter an email address.' : emailPattern.test(v.trim()) ? '' : 'Enter a valid email address, like name@example.com.'],
];
form.addEventListener('submit', (event) => {
  for (const [name, check] of rules) {
    const input = form.elements.namedItem(name);
    const message = check(input.value);
    const slot = document.getElementById(input.getAttribute('aria-describedby'));
    slot.textContent = message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const firstInvalid = [...form.elements].find((el) => el.getAttribute('aria-invalid') === 'true');
  if (firstInvalid) { event.preventDefault(); firstInvalid.focus(); }
});
`);
  return page(ctx, { title, active: 'contacts', body, script });
}

export function messagesPage(ctx) {
  const { ui, state } = ctx;
  const k = classes(ui);
  const body = html`<div class="${k.pageHead}"><h1>Sent messages</h1>
${ui.wrap(html`<a class="${k.button} ${k.primary}" href="/messages/new">${ui.text('Compose message', 'New message')}</a>`, 'Button')}</div>
${
  state.sentMessages.length === 0
    ? html`<p>You haven't sent any messages yet.</p>`
    : html`<table class="${k.table}"><caption class="sr-only">Sent messages</caption>
<thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Message</th></tr></thead>
<tbody>${state.sentMessages.map((m) => html`<tr><td>${m.to}</td><td>${m.subject}</td><td>${m.body}</td></tr>`)}</tbody></table>`
}`;
  return page(ctx, { title: 'Sent messages', active: 'messages', body, flash: ctx.flash });
}

export function composePage(ctx, { values, errors = {} }) {
  const { ui } = ctx;
  const k = classes(ui);
  const toId = ui.gid('message-to');
  const subjectId = ui.rid();
  const bodyId = ui.gid('message-body');
  const hasErrors = Object.keys(errors).length > 0;
  const body = html`<h1>Compose message</h1>
${hasErrors ? html`<div role="alert" class="${k.alert}">Your message was not sent. Please fix the highlighted fields.</div>` : ''}
<form method="post" action="/messages/new" class="${k.card}">
${field(ui, {
  id: toId,
  label: 'To',
  error: errors.to,
  control: (errorId) =>
    html`<input class="${k.input}" id="${toId}" name="to" type="email" value="${values.to}" required ${invalidAttrs(errors.to, errorId)}>`,
})}
${field(ui, {
  id: subjectId,
  label: 'Subject',
  error: errors.subject,
  control: (errorId) =>
    html`<input class="${k.input}" id="${subjectId}" name="subject" value="${values.subject}" required ${invalidAttrs(errors.subject, errorId)}>`,
})}
${field(ui, {
  id: bodyId,
  label: 'Message',
  error: errors.body,
  control: (errorId) =>
    html`<textarea class="${k.input}" id="${bodyId}" name="body" rows="6" required ${invalidAttrs(errors.body, errorId)}>${values.body}</textarea>`,
})}
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">${ui.text('Send message', 'Send')}</button>`, 'Button')}
<a href="/messages">Cancel</a></div>
</form>`;
  return page(ctx, { title: 'Compose message', active: 'messages', body });
}

export function settingsPage(ctx, { crossOriginUrl }) {
  const { ui, state } = ctx;
  const k = classes(ui);
  const s = state.settings;
  const fields = [
    () => {
      const id = ui.gid('display-name');
      return field(ui, {
        id,
        label: 'Display name',
        control: () => html`<input class="${k.input}" id="${id}" name="displayName" value="${s.displayName}">`,
      });
    },
    () => {
      const id = ui.rid();
      return field(ui, {
        id,
        label: 'Time zone',
        control: () =>
          html`<select class="${k.input}" id="${id}" name="timezone">${selectOptions(TIMEZONES, s.timezone)}</select>`,
      });
    },
    () => {
      const id = ui.rid();
      return field(ui, {
        id,
        label: 'Language',
        control: () =>
          html`<select class="${k.input}" id="${id}" name="language">${selectOptions(LANGUAGES, s.language)}</select>`,
      });
    },
    () => {
      const id = ui.gid('compact-tables');
      return html`<div class="${k.choice}" style="margin-bottom:14px"><input type="checkbox" id="${id}" name="compactTables" value="yes"${checked(s.compactTables)}><label for="${id}">Use compact tables</label></div>`;
    },
  ];
  const body = html`<h1>Settings</h1>
<section class="${k.card}" aria-labelledby="${ui.gid('profile-heading')}">
<h2 id="${ui.gid('profile-heading')}">Profile</h2>
<form method="post" action="/settings">
${ui.order(fields, [1, 0, 3, 2]).map((render) => render())}
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">${ui.text('Save settings', 'Save changes')}</button>`, 'Button')}</div>
</form>
</section>
<section class="${k.card}" aria-labelledby="${ui.gid('notifications-heading')}">
<h2 id="${ui.gid('notifications-heading')}">Notifications</h2>
<iframe class="${k.frame}" src="/settings/notifications-frame" title="Notification preferences"></iframe>
</section>
<section class="${k.card}" aria-labelledby="${ui.gid('integrations-heading')}">
<h2 id="${ui.gid('integrations-heading')}">Integrations</h2>
<iframe class="${k.frame}" src="${crossOriginUrl}/widget" title="Chat integration"></iframe>
</section>`;
  return page(ctx, { title: 'Settings', active: 'settings', body, flash: ctx.flash });
}

export function notificationsFramePage(ctx, { saved }) {
  const { ui, state } = ctx;
  const k = classes(ui);
  const n = state.settings.notifications;
  const checkboxId = ui.gid('notify-contact-added');
  const digestId = ui.rid();
  const body = html`<main style="padding:12px 16px">
${saved ? html`<div role="status" class="${k.flash}">Notification preferences saved.</div>` : ''}
<form method="post" action="/settings/notifications-frame">
<div class="${k.choice}" style="margin-bottom:14px"><input type="checkbox" id="${checkboxId}" name="contactAdded" value="yes"${checked(n.contactAdded)}><label for="${checkboxId}">Email me when a contact is added</label></div>
${field(ui, {
  id: digestId,
  label: 'Digest frequency',
  control: () =>
    html`<select class="${k.input}" id="${digestId}" name="digest">${selectOptions(DIGESTS, n.digest)}</select>`,
})}
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">${ui.text('Save notifications', 'Save preferences')}</button>`, 'Button')}</div>
</form>
</main>`;
  return bareDocument(ui, { title: 'Notification preferences', body, extraCss: 'body{background:#fff}' });
}

export function reportsPage(ctx) {
  const { ui } = ctx;
  const k = classes(ui);
  const typeId = ui.rid();
  const ids = {
    generate: ui.gid('generate-report'),
    status: ui.gid('report-status'),
    panel: ui.gid('report-panel'),
    heading: ui.rid(),
    rows: ui.rid(),
    download: ui.gid('download-summary'),
    archive: ui.gid('archive-report'),
    archiveStatus: ui.rid(),
    type: typeId,
  };
  const body = html`<h1>Reports</h1>
<section class="${k.card}">
${field(ui, {
  id: typeId,
  label: 'Report type',
  control: () =>
    html`<select class="${k.input}" id="${typeId}" name="type">${selectOptions(REPORT_TYPES, REPORT_TYPES[0]?.value)}</select>`,
})}
${ui.wrap(html`<button type="button" id="${ids.generate}" class="${k.button} ${k.primary}">${ui.text('Generate report', 'Generate')}</button>`, 'Button')}
<p id="${ids.status}" role="status" aria-live="polite" hidden><span class="${k.spinner}" aria-hidden="true"></span>Generating report…</p>
</section>
<section id="${ids.panel}" class="${k.panel}" aria-labelledby="${ids.heading}" hidden>
<h2 id="${ids.heading}">Report ready</h2>
<table class="${k.table}"><thead><tr><th scope="col">Item</th><th scope="col">Count</th></tr></thead><tbody id="${ids.rows}"></tbody></table>
<div class="${k.actions}" style="margin-top:12px">
${ui.wrap(html`<a id="${ids.download}" class="${k.button}" href="/reports/summary.csv" download>Download summary</a>`, 'Button')}
${ui.wrap(html`<button type="button" id="${ids.archive}" class="${k.button}">Archive report</button>`, 'Button')}
<span id="${ids.archiveStatus}" role="status"></span>
</div>
</section>`;
  const script = raw(`
const ids = ${js(ids)};
const $ = (id) => document.getElementById(id);
// The result appears only after this delay: replay must wait for it rather than act at once.
const REPORT_DELAY_MS = 600;
let currentType = '';
$(ids.generate).addEventListener('click', async () => {
  const type = $(ids.type).value;
  $(ids.generate).disabled = true;
  $(ids.panel).hidden = true;
  $(ids.status).hidden = false;
  const [response] = await Promise.all([
    fetch('/api/reports/data?type=' + encodeURIComponent(type)),
    new Promise((resolve) => setTimeout(resolve, REPORT_DELAY_MS)),
  ]);
  const report = await response.json();
  currentType = type;
  $(ids.heading).textContent = report.title;
  const rows = $(ids.rows);
  rows.replaceChildren();
  for (const [item, count] of report.rows) {
    const tr = document.createElement('tr');
    for (const value of [item, String(count)]) { const td = document.createElement('td'); td.textContent = value; tr.append(td); }
    rows.append(tr);
  }
  $(ids.download).href = '/reports/summary.csv?type=' + encodeURIComponent(type);
  $(ids.archive).disabled = false;
  $(ids.archiveStatus).textContent = '';
  $(ids.status).hidden = true;
  $(ids.panel).hidden = false;
  $(ids.generate).disabled = false;
});
// Archiving waits a moment before it sends (as apps with an "undo" moment do): the request leaves
// after the click's own handler is long done, which replay must still hold until approved.
const ARCHIVE_DELAY_MS = 150;
$(ids.archive).addEventListener('click', async () => {
  $(ids.archive).disabled = true;
  $(ids.archiveStatus).textContent = 'Archiving…';
  await new Promise((resolve) => setTimeout(resolve, ARCHIVE_DELAY_MS));
  const response = await fetch('/api/reports/archive', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: currentType }) }).catch(() => null);
  $(ids.archiveStatus).textContent = response?.ok ? 'Report archived.' : 'Could not archive the report.';
  if (!response?.ok) $(ids.archive).disabled = false;
});
`);
  return page(ctx, { title: 'Reports', active: 'reports', body, script });
}

/** Rows of a report, computed from state (also used for the CSV download). */
export function buildReport(state, type) {
  if (type === 'messages-sent') {
    const byRecipient = new Map();
    for (const m of state.sentMessages) byRecipient.set(m.to, (byRecipient.get(m.to) ?? 0) + 1);
    return { title: 'Messages sent', rows: [['Total', state.sentMessages.length], ...byRecipient] };
  }
  const byCompany = new Map(COMPANIES.map((c) => [c, 0]));
  for (const c of state.contacts) byCompany.set(c.company, (byCompany.get(c.company) ?? 0) + 1);
  return { title: 'Contacts by company', rows: [...byCompany] };
}

export function spaPage(ctx) {
  const { ui, state } = ctx;
  const k = classes(ui);
  const ids = { root: ui.gid('spa-root'), data: ui.gid('spa-data'), nav: ui.rid(), status: ui.rid() };
  const labels = { markDone: ui.text('Mark as done', 'Mark done') };
  const body = html`<div class="${k.pageHead}"><h1>Tasks</h1></div>
<nav aria-label="Tasks" id="${ids.nav}" class="${k.actions}" style="margin-bottom:16px">
${ui.wrap(html`<a class="${k.button}" href="/app/inbox">Inbox</a>`, 'Tab')}
${ui.wrap(html`<a class="${k.button}" href="/app/archive">Archive</a>`, 'Tab')}
</nav>
<p id="${ids.status}" role="status"></p>
<div id="${ids.root}" class="${k.card}"></div>
<script type="application/json" id="${ids.data}">${js(state.tasks)}</script>`;
  const script = raw(`
const ids = ${js(ids)};
const k = ${js({ button: k.button, primary: k.primary, muted: k.muted, list: k.list })};
const labels = ${js(labels)};
const tasks = JSON.parse(document.getElementById(ids.data).textContent);
const root = document.getElementById(ids.root);
const status = document.getElementById(ids.status);
const el = (tag, props = {}, ...children) => { const node = Object.assign(document.createElement(tag), props); node.append(...children); return node; };
function parseRoute(path) {
  if (path === '/app' || path === '/app/' || path === '/app/inbox') return { view: 'inbox' };
  if (path === '/app/archive') return { view: 'archive' };
  const match = /^\\/app\\/tasks\\/(\\d+)$/.exec(path);
  if (match) return { view: 'task', id: Number(match[1]) };
  return { view: 'missing' };
}
function taskList(items, empty) {
  if (items.length === 0) return el('p', { className: k.muted }, empty);
  return el('ul', { className: k.list }, ...items.map((t) => el('li', {}, el('a', { href: '/app/tasks/' + t.id, textContent: t.title }))));
}
function render() {
  const route = parseRoute(location.pathname);
  let title = 'Tasks';
  let view;
  if (route.view === 'inbox') {
    title = 'Inbox';
    view = [el('h2', { textContent: 'Inbox' }), taskList(tasks.filter((t) => t.status === 'open'), 'Nothing left to do.')];
  } else if (route.view === 'archive') {
    title = 'Archive';
    view = [el('h2', { textContent: 'Archive' }), taskList(tasks.filter((t) => t.status === 'done'), 'No archived tasks.')];
  } else if (route.view === 'task' && tasks.some((t) => t.id === route.id)) {
    const task = tasks.find((t) => t.id === route.id);
    title = task.title;
    view = [
      el('h2', { textContent: task.title }),
      el('p', { textContent: task.description }),
      el('p', {}, 'Status: ', el('strong', { textContent: task.status === 'done' ? 'Done' : 'Open' })),
    ];
    if (task.status === 'open') {
      const button = el('button', { type: 'button', className: k.button + ' ' + k.primary, textContent: labels.markDone });
      button.addEventListener('click', async () => {
        button.disabled = true;
        const response = await fetch('/api/tasks/' + task.id + '/done', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        if (!response.ok) { status.textContent = 'Could not update the task.'; button.disabled = false; return; }
        task.status = 'done';
        status.textContent = 'Task marked as done.';
        render();
      });
      view.push(el('p', {}, button));
    }
    view.push(el('p', {}, el('a', { href: '/app/inbox', textContent: 'Back to inbox' })));
  } else {
    title = 'Not found';
    view = [el('h2', { textContent: 'Page not found' }), el('p', {}, el('a', { href: '/app/inbox', textContent: 'Go to inbox' }))];
  }
  root.replaceChildren(...view);
  document.title = title + ' · Acme CRM';
  for (const link of document.getElementById(ids.nav).querySelectorAll('a')) {
    if (new URL(link.href).pathname === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || link.target || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/app/')) return;
  event.preventDefault();
  if (url.pathname !== location.pathname) {
    status.textContent = '';
    history.pushState(null, '', url.pathname);
  }
  render();
});
window.addEventListener('popstate', () => { status.textContent = ''; render(); });
render();
`);
  return page(ctx, { title: 'Tasks', active: 'inbox', body, script });
}

export function helpPage(ctx, { q, errors = {}, values = { message: '', helpful: '' } }) {
  const { ui } = ctx;
  const k = classes(ui);
  const searchId = ui.gid('help-search');
  const feedbackId = ui.gid('feedback-message');
  const liveId = ui.gid('live-question');
  const liveButtonId = ui.gid('live-open');
  const liveStatusId = ui.gid('live-status');
  const query = q.trim().toLowerCase();
  const results = query
    ? HELP_ARTICLES.filter((a) => `${a.title} ${a.summary}`.toLowerCase().includes(query))
    : HELP_ARTICLES;
  const body = html`<h1>Help center</h1>
<section class="${k.card}">
<form role="search" method="get" action="/help" class="${k.actions}">
<label for="${searchId}">Search help articles</label>
<input class="${k.input}" id="${searchId}" name="q" type="search" value="${q}">
${ui.wrap(html`<button type="submit" class="${k.button}">Search</button>`, 'Button')}
</form>
<h2>${query ? html`Results for “${q}”` : 'Popular articles'}</h2>
${
  results.length === 0
    ? html`<p>No articles match “${q}”.</p>`
    : html`<ul class="${k.list}">${results.map((a) => html`<li><strong>${a.title}</strong>: ${a.summary}</li>`)}</ul>`
}
</section>
<section class="${k.card}" aria-labelledby="${ui.gid('feedback-heading')}">
<h2 id="${ui.gid('feedback-heading')}">Send us feedback</h2>
<form method="post" action="/help/feedback">
${field(ui, {
  id: feedbackId,
  label: 'Your feedback',
  error: errors.message,
  control: (errorId) =>
    html`<textarea class="${k.input}" id="${feedbackId}" name="message" rows="3" ${invalidAttrs(errors.message, errorId)}>${values.message}</textarea>`,
})}
<fieldset class="${k.fieldset}"><legend>Was this page helpful?</legend>
${[
  ['yes', 'Yes'],
  ['no', 'No'],
].map(([value, label]) => {
  const id = ui.rid();
  return html`<div class="${k.choice}"><input type="radio" id="${id}" name="helpful" value="${value}"${checked(values.helpful === value)}><label for="${id}">${label}</label></div>`;
})}
</fieldset>
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">Send feedback</button>`, 'Button')}</div>
</form>
</section>
<section class="${k.card}" aria-labelledby="${ui.gid('live-heading')}">
<h2 id="${ui.gid('live-heading')}">Live help</h2>
<label for="${liveId}">Your question</label>
<input class="${k.input}" id="${liveId}" autocomplete="off">
<div class="${k.actions}">${ui.wrap(html`<button type="button" id="${liveButtonId}" class="${k.button}">Open live help</button>`, 'Button')}</div>
<p id="${liveStatusId}" role="status"></p>
</section>`;
  // "Open live help" reads like opening a panel, but it sends the question over a WebSocket: the
  // network backstop must hold that connection like any other send.
  const script = raw(`
const question = document.getElementById(${js(liveId)});
const status = document.getElementById(${js(liveStatusId)});
document.getElementById(${js(liveButtonId)}).addEventListener('click', () => {
  const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + '/support/chat');
  socket.addEventListener('open', () => { socket.send(question.value); status.textContent = 'Connected: an agent will answer here.'; });
  socket.addEventListener('error', () => { status.textContent = 'Live help is not available right now.'; });
});
`);
  return page(ctx, { title: 'Help center', active: 'help', body, script, flash: ctx.flash });
}

export function onboardingPage(ctx) {
  const { ui } = ctx;
  const k = classes(ui);
  const ids = {
    form: ui.gid('onboarding-form'),
    name: ui.gid('company-name'),
    size: ui.rid(),
    website: ui.rid(),
    step1: ui.rid(),
    step2: ui.rid(),
    error: ui.rid(),
  };
  const body = html`<h1>Set up your workspace</h1>
<section id="${ids.step1}" class="${k.card}">
<h2>Step 1 of 2: Company profile</h2>
<form id="${ids.form}">
${field(ui, {
  id: ids.name,
  label: 'Company name',
  control: () => html`<input class="${k.input}" id="${ids.name}" name="companyName" autocomplete="organization">`,
})}
${field(ui, {
  id: ids.size,
  label: 'Company size',
  control: () =>
    html`<select class="${k.input}" id="${ids.size}" name="companySize">${selectOptions(COMPANY_SIZES, COMPANY_SIZES[0])}</select>`,
})}
${field(ui, {
  id: ids.website,
  label: 'Website',
  control: () => html`<input class="${k.input}" id="${ids.website}" name="website" placeholder="https://">`,
})}
<p id="${ids.error}" role="alert" class="${k.error}"></p>
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">Continue</button>`, 'Button')}</div>
</form>
</section>
<section id="${ids.step2}" class="${k.card}" hidden>
<h2>Step 2 of 2: You're all set</h2>
<p>Your workspace is ready. You can change these details later in Settings.</p>
<p><a class="${k.button} ${k.primary}" href="/">Go to dashboard</a></p>
</section>`;
  // "Continue" reads like navigation, but it sends the company profile to the server: the network
  // backstop must notice this POST even though no <form method=post> is involved.
  const script = raw(`
const ids = ${js(ids)};
const form = document.getElementById(ids.form);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const profile = Object.fromEntries(new FormData(form));
  const response = await fetch('/api/onboarding/profile', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) });
  const result = await response.json().catch(() => ({ ok: false }));
  if (!result.ok) { document.getElementById(ids.error).textContent = result.error?.message ?? 'Something went wrong. Please try again.'; return; }
  document.getElementById(ids.step1).hidden = true;
  document.getElementById(ids.step2).hidden = false;
});
`);
  return page(ctx, { title: 'Set up your workspace', active: 'dashboard', body, script });
}

export const PINNABLE_WIDGETS = ['Revenue', 'Open tickets', 'New contacts'];

/**
 * Dashboard widgets with "Pin" toggles that save themselves the way UI libraries' effects do: the click
 * only flips the button; the POST goes out after the next paint (a frame, then a task, as Preact runs
 * useEffect). Replay must still ask about that send at the Pin step itself.
 */
export function dashboardPinsPage(ctx) {
  const { ui } = ctx;
  const k = classes(ui);
  const items = PINNABLE_WIDGETS.map(
    (name) =>
      html`<li class="${k.card}"><h2>${name}</h2>${ui.wrap(
        html`<button type="button" class="${k.button}" aria-pressed="false" data-widget="${name}">Pin ${name}</button>`,
        'Button',
      )}</li>`,
  );
  const body = html`<h1>Dashboard widgets</h1>
<p>Pin the widgets you want on your dashboard.</p>
<ul class="${k.list}">${items}</ul>
<p id="${ui.gid('widget-status')}" role="status"></p>`;
  const script = raw(`
const status = document.getElementById(${js(ui.gid('widget-status'))});
const afterPaint = (callback) => requestAnimationFrame(() => setTimeout(callback));
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-widget]');
  if (!button) return;
  const pinned = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(pinned));
  afterPaint(async () => {
    const response = await fetch('/api/widgets/pins', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ widget: button.dataset.widget, pinned }) }).catch(() => null);
    if (response?.ok) { status.textContent = 'Saved.'; return; }
    // Not saved: the toggle shows what the server has again.
    button.setAttribute('aria-pressed', String(!pinned));
    status.textContent = 'Could not save your pins.';
  });
});
`);
  return page(ctx, { title: 'Dashboard widgets', active: 'dashboard', body, script });
}

export const SURVEY_QUESTIONS = 100;

export function surveyPage(ctx) {
  const { ui } = ctx;
  const k = classes(ui);
  const rows = [];
  for (let n = 1; n <= SURVEY_QUESTIONS; n += 1) {
    const textId = `question-${n}`;
    const boxId = ui.gid(`agree-${n}`);
    rows.push(html`<div class="${k.field}" style="max-width:none;flex-direction:row;align-items:center;gap:12px">
<label class="${k.label}" for="${textId}" style="width:110px">Question ${n}</label>
${ui.wrap(html`<input class="${k.input}" id="${textId}" name="q${n}">`, 'Input')}
<input type="checkbox" id="${boxId}" name="agree${n}" value="yes"><label for="${boxId}">Agree with statement ${n}</label>
</div>`);
  }
  const body = html`<h1>Customer survey</h1>
<p class="${k.muted}">Answer as many questions as you like.</p>
<form method="post" action="/survey" class="${k.card}">
${rows}
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">${ui.text('Submit', 'Submit answers')}</button>`, 'Button')}</div>
</form>`;
  return page(ctx, { title: 'Customer survey', active: 'dashboard', body, flash: ctx.flash });
}

export function notFoundPage(ctx) {
  const body = html`<h1>Page not found</h1><p>There is nothing at this address. <a href="/">Go to the dashboard</a>.</p>`;
  return page(ctx, { title: 'Not found', active: '', body });
}

/** The cross-origin chat widget (served by the second server, shown in an iframe on /settings). */
export function widgetPage(ui, { connectedChannels }) {
  const k = classes(ui);
  const ids = { input: ui.gid('widget-channel'), status: ui.rid(), list: ui.rid(), form: ui.gid('widget-form') };
  const body = html`<main style="padding:12px 16px">
<h1 style="font-size:18px;margin-top:0">Acme Chat</h1>
<p class="${k.muted}">Post new-contact alerts to a chat channel.</p>
<form id="${ids.form}">
${field(ui, {
  id: ids.input,
  label: 'Channel name',
  control: () => html`<input class="${k.input}" id="${ids.input}" name="channel" placeholder="sales">`,
})}
<div class="${k.actions}">${ui.wrap(html`<button type="submit" class="${k.button} ${k.primary}">${ui.text('Connect channel', 'Connect')}</button>`, 'Button')}
<span id="${ids.status}" role="status"></span></div>
</form>
<ul id="${ids.list}" aria-label="Connected channels" class="${k.list}">${connectedChannels.map((c) => html`<li>#${c}</li>`)}</ul>
</main>`;
  const script = raw(`
const ids = ${js(ids)};
const form = document.getElementById(ids.form);
const status = document.getElementById(ids.status);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById(ids.input);
  const response = await fetch('/widget/connect', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: input.value }) });
  const result = await response.json();
  if (!result.ok) { status.textContent = result.error.message; return; }
  const li = document.createElement('li');
  li.textContent = '#' + result.channel;
  document.getElementById(ids.list).append(li);
  input.value = '';
  status.textContent = 'Connected to #' + result.channel + '.';
});
`);
  return bareDocument(ui, { title: 'Acme Chat', body, script, extraCss: 'body{background:#fff}' });
}
