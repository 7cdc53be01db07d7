/** Tuning values and fixed HTML vocabularies for the risk classifier. */

/** Longer visible text is a card or container, not a control label; only attributes name it then. */
export const MAX_LABEL_TEXT_CHARS = 160;

/** How much of a dialog's own text (title, question, warning) is read for context. */
export const MAX_DIALOG_TEXT_CHARS = 600;

/** How many ancestors up a script-driven "Reply"/"Post" looks for the composer it belongs to. */
export const MAX_COMPOSER_DEPTH = 3;

/** How many descendants are read for icon classes and sprite names. */
export const MAX_ICON_DESCENDANTS = 24;

/** Length of quoted labels, form names and URLs inside reasons. */
export const REASON_LABEL_CHARS = 48;
export const REASON_URL_CHARS = 72;

/** Elements a click lands on: a click on an icon inside a button is a click on the button. */
export const ACTIONABLE_SELECTOR = [
  'button',
  'a[href]',
  'area[href]',
  'input',
  'select',
  'textarea',
  'summary',
  'label',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="option"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="menuitemcheckbox"]',
  '[role="menuitemradio"]',
  '[role="treeitem"]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
].join(', ');

/** Roles that select, toggle or navigate within the page: they never submit, delete or send. */
export const NON_COMMITTING_ROLES = new Set([
  'tab',
  'option',
  'treeitem',
  'checkbox',
  'radio',
  'switch',
  'menuitemcheckbox',
  'menuitemradio',
  'combobox',
  'textbox',
  'searchbox',
  'slider',
  'spinbutton',
  'link',
]);

/**
 * Input types whose Enter triggers implicit submission. The text-like ones are also the fields that
 * "block" implicit submission when a form has no submit button (HTML § 4.10.21.2). Chromium also
 * submits on Enter in checkboxes and radios, so they submit too but do not block.
 */
export const BLOCKING_INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'date',
  'month',
  'week',
  'time',
  'datetime-local',
  'number',
]);
export const ENTER_SUBMITTING_INPUT_TYPES = new Set([...BLOCKING_INPUT_TYPES, 'checkbox', 'radio']);

/** Where a dialog, modal or popover starts: its text is the question its OK button answers. */
export const DIALOG_SELECTOR =
  'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], .modal, .modal-dialog, [popover]';

/** Containers that end the search for a control's composer: beyond them is another part of the page. */
export const COMPOSER_BOUNDARY_SELECTOR = 'form, article, section, main, [role="main"], body, dialog, [role="dialog"]';

/** Text fields a reply or post is typed into. Search boxes are not composers. */
export const COMPOSER_FIELD_SELECTOR =
  'textarea, input:not([type]), input[type="text"], [contenteditable=""], [contenteditable="true"], [role="textbox"]';

/** Form fields whose value says what a generic "Apply"/"Go" does (`_method=delete`, bulk action). */
export const INTENT_FIELD_NAME =
  /^(_?method|_?action|actions?|bulk_?action|op|operation|do|cmd|command|intent|task|verb)$/i;

/** Attributes that carry developer hints about a control's job. */
export const HINT_ATTRIBUTES = [
  'id',
  'name',
  'class',
  'data-action',
  'data-testid',
  'data-test-id',
  'data-qa',
  'data-icon',
  'jsaction',
  'onclick',
];

/** Attributes frameworks put on links and buttons to turn them into non-GET requests (Rails UJS, Turbo, htmx). */
export const REQUEST_METHOD_ATTRIBUTES = ['data-method', 'data-turbo-method'];
export const HTMX_METHOD_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['hx-delete', 'delete'],
  ['hx-post', 'post'],
  ['hx-put', 'put'],
  ['hx-patch', 'patch'],
];

/** Attributes holding a confirmation prompt the framework shows before acting. */
export const CONFIRM_ATTRIBUTES = ['data-confirm', 'data-turbo-confirm', 'hx-confirm'];
