// Page chrome shared by every app page: document shell, stylesheet, nav bar, flash message, form fields.
import { html, raw } from './html.mjs';

const NAV_ITEMS = [
  { key: 'dashboard', href: '/', label: 'Dashboard' },
  { key: 'contacts', href: '/contacts', label: 'Contacts' },
  { key: 'messages', href: '/messages', label: 'Messages' },
  { key: 'reports', href: '/reports', label: 'Reports' },
  { key: 'inbox', href: '/app/inbox', label: 'Inbox' },
  { key: 'settings', href: '/settings', label: 'Settings' },
  { key: 'help', href: '/help', label: 'Help' },
];
// The rebuilt nav: Inbox moved up, Help and Settings swapped.
const CHANGED_NAV_ORDER = [0, 1, 4, 2, 3, 6, 5];

/** Class names for one page, keyed by what they style. */
export function classes(ui) {
  const c = (m, n) => ui.cls(m, n);
  return {
    shell: c('Layout', 'shell'),
    header: c('Header', 'root'),
    brand: c('Header', 'brand'),
    nav: c('Nav', 'list'),
    navLink: c('Nav', 'link'),
    main: c('Layout', 'main'),
    footer: c('Layout', 'footer'),
    flash: c('Flash', 'root'),
    alert: c('Flash', 'alert'),
    card: c('Card', 'root'),
    grid: c('Card', 'grid'),
    pageHead: c('Page', 'head'),
    muted: c('Text', 'muted'),
    button: c('Button', 'base'),
    primary: c('Button', 'primary'),
    danger: c('Button', 'danger'),
    ghost: c('Button', 'ghost'),
    field: c('Form', 'field'),
    label: c('Form', 'label'),
    input: c('Form', 'input'),
    error: c('Form', 'error'),
    fieldset: c('Form', 'fieldset'),
    choice: c('Form', 'choice'),
    actions: c('Form', 'actions'),
    table: c('Table', 'root'),
    rowActions: c('Table', 'actions'),
    dialog: c('Dialog', 'root'),
    spinner: c('Report', 'spinner'),
    panel: c('Report', 'panel'),
    frame: c('Settings', 'frame'),
    list: c('List', 'root'),
    // The wrapper `ui.wrap(…, 'Input')` adds in the changed build; keeps inputs full width inside it.
    inputSlot: c('Input', 'slot'),
  };
}

export function stylesheet(k) {
  return raw(`
:root{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;background:#f5f7fa;font-size:15px}
body{margin:0}
a{color:#2458c5}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.${k.header}{display:flex;align-items:center;gap:24px;padding:10px 24px;background:#1d2b4f;color:#fff}
.${k.brand}{font-weight:700;font-size:18px;color:#fff;text-decoration:none}
.${k.nav}{display:flex;gap:4px;list-style:none;margin:0;padding:0;flex:1}
.${k.navLink}{display:block;padding:6px 10px;border-radius:6px;color:#d8e0f0;text-decoration:none}
.${k.navLink}[aria-current=page]{background:#33467a;color:#fff}
.${k.main}{max-width:960px;margin:24px auto;padding:0 24px}
.${k.footer}{max-width:960px;margin:40px auto 24px;padding:0 24px;color:#7b8794;font-size:13px}
.${k.flash}{padding:10px 14px;border-radius:6px;background:#e3f9e5;border:1px solid #8eedc7;margin-bottom:16px}
.${k.alert}{padding:10px 14px;border-radius:6px;background:#ffe3e3;border:1px solid #ffa8a8;margin-bottom:16px}
.${k.card}{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:16px 20px;margin-bottom:16px}
.${k.grid}{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}
.${k.pageHead}{display:flex;align-items:center;justify-content:space-between;gap:12px}
.${k.muted}{color:#7b8794}
.${k.button}{display:inline-block;font:inherit;padding:7px 14px;border-radius:6px;border:1px solid #bcccdc;background:#fff;color:#1f2933;cursor:pointer;text-decoration:none}
.${k.button}:disabled{opacity:.6;cursor:default}
.${k.primary}{background:#2458c5;border-color:#2458c5;color:#fff}
.${k.danger}{background:#c92a2a;border-color:#c92a2a;color:#fff}
.${k.ghost}{background:transparent;border-color:transparent;color:#d8e0f0}
.${k.field}{display:flex;flex-direction:column;gap:4px;margin-bottom:14px;max-width:420px}
.${k.label}{font-weight:600}
.${k.input}{font:inherit;padding:7px 9px;border:1px solid #bcccdc;border-radius:6px;background:#fff}
.${k.input}[aria-invalid=true]{border-color:#c92a2a}
.${k.error}{color:#c92a2a;margin:0;font-size:13px;min-height:0}
.${k.error}:empty{display:none}
.${k.fieldset}{border:1px solid #d9e2ec;border-radius:6px;margin:0 0 14px;max-width:420px}
.${k.choice}{display:flex;align-items:center;gap:6px;margin:4px 0}
.${k.actions}{display:flex;gap:8px;align-items:center;margin-top:8px}
.${k.table}{width:100%;border-collapse:collapse;background:#fff}
.${k.table} th,.${k.table} td{text-align:left;padding:8px 10px;border-bottom:1px solid #e4e7eb}
.${k.rowActions}{display:flex;gap:6px}
.${k.dialog}{border:none;border-radius:10px;padding:20px 24px;max-width:380px;box-shadow:0 10px 40px rgba(0,0,0,.25)}
.${k.dialog}::backdrop{background:rgba(15,23,42,.45)}
.${k.spinner}{display:inline-block;width:14px;height:14px;border:2px solid #bcccdc;border-top-color:#2458c5;border-radius:50%;animation:spin .8s linear infinite;vertical-align:middle;margin-right:6px}
@keyframes spin{to{transform:rotate(360deg)}}
.${k.panel}{background:#fff;border:1px solid #d9e2ec;border-radius:8px;padding:16px 20px;margin-top:16px}
.${k.frame}{width:100%;max-width:520px;height:230px;border:1px solid #d9e2ec;border-radius:8px;background:#fff}
.${k.list}{padding-left:20px}
.${k.inputSlot}{display:flex;flex-direction:column}
`);
}

/** A full app page: header with nav and sign-out, flash message, main content, footer. */
export function page(ctx, { title, active, body, flash, script }) {
  const { ui } = ctx;
  const k = classes(ui);
  const items = ui.order(NAV_ITEMS, CHANGED_NAV_ORDER);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Acme CRM</title>
<style>${stylesheet(k)}</style>
</head>
<body>
<div class="${k.shell}">
<header class="${k.header}">
<a class="${k.brand}" href="/">Acme CRM</a>
<nav aria-label="Main">
<ul class="${k.nav}">
${items.map(
  (item) =>
    html`<li>${ui.wrap(html`<a class="${k.navLink}" href="${item.href}"${raw(item.key === active ? ' aria-current="page"' : '')}>${item.label}</a>`, 'NavItem')}</li>`,
)}
</ul>
</nav>
<form method="post" action="/logout">
${ui.wrap(html`<button type="submit" class="${k.button} ${k.ghost}">Sign out</button>`, 'Header')}
</form>
</header>
<main class="${k.main}" id="main">
${flash ? html`<div role="status" class="${k.flash}">${flash}</div>` : ''}
${body}
</main>
<footer class="${k.footer}">Acme CRM · demo data only</footer>
</div>
${script ? html`<script>${script}</script>` : ''}
</body>
</html>
`;
}

/** A bare document (sign-in page, iframes). */
export function bareDocument(ui, { title, body, script, extraCss = '' }) {
  const k = classes(ui);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${stylesheet(k)}${raw(extraCss)}</style>
</head>
<body>
${body}
${script ? html`<script>${script}</script>` : ''}
</body>
</html>
`;
}

/**
 * A labelled control with its error slot. `control(id, describedBy)` renders the input itself.
 * The error paragraph always exists (empty when valid) so client-side validation can fill it.
 */
export function field(ui, { id, label, error, control, hint }) {
  const k = classes(ui);
  const errorId = `${id}-error`;
  return html`<div class="${k.field}">
<label class="${k.label}" for="${id}">${label}</label>
${hint ? html`<span class="${k.muted}">${hint}</span>` : ''}
${ui.wrap(control(errorId), 'Input')}
<p class="${k.error}" id="${errorId}">${error ?? ''}</p>
</div>`;
}

export function invalidAttrs(error, errorId) {
  return raw(`aria-describedby="${errorId}"${error ? ' aria-invalid="true"' : ''}`);
}

export function selectOptions(options, selected) {
  return options.map((option) => {
    const { value, label } = typeof option === 'string' ? { value: option, label: option } : option;
    return html`<option value="${value}"${raw(value === selected ? ' selected' : '')}>${label}</option>`;
  });
}

export function checked(on) {
  return raw(on ? ' checked' : '');
}
