/**
 * The risk classifier: before replay performs a step, decide from the live target whether the step
 * submits data, deletes something or sends a message to other people, so the run can pause and ask.
 *
 * How a verdict is reached, in order:
 * 1. Work out what the browser will do. `press-enter` in a text field is implicit submission
 *    through the form's default button (or of a one-field form); in a textarea it is a new line.
 *    A click on an icon inside a button is a click on the button. A submit button submits its form
 *    owner with the button's `formmethod`/`formaction` if set, else the form's. A link navigates.
 * 2. Native requests decide risk on their own: any POST asks; a GET asks only when its URL, action
 *    fields or the submitter's own label show it destroys or sends (a GET search never asks);
 *    `method=dialog` only closes a dialog; `mailto:`/`sms:` and share-intent links send.
 * 3. Script-driven controls (type=button, role=button, `href="#"`) are judged by evident purpose:
 *    their label in many languages, icon names, destructive styling, the dialog they confirm and the
 *    composer they sit under. Controls that only open a menu or dialog, tabs and dismiss buttons
 *    never ask.
 * 4. The kind: delete beats outbound beats submit, because a destroying or sending request is the
 *    more specific thing to tell the user.
 *
 * Recall is the hard requirement (no submit, delete or send may go unasked), so every doubtful
 * native request asks; precision comes from recognising what does nothing: GET searches, links,
 * openers, tabs, cancel buttons and the keyword traps ("Remove formatting", "Send feedback" links).
 */
import {
  BLOCKING_INPUT_TYPES,
  CONFIRM_ATTRIBUTES,
  ENTER_SUBMITTING_INPUT_TYPES,
  HTMX_METHOD_ATTRIBUTES,
  INTENT_FIELD_NAME,
  NON_COMMITTING_ROLES,
  REASON_LABEL_CHARS,
  REASON_URL_CHARS,
  REQUEST_METHOD_ATTRIBUTES,
} from './constants';
import {
  classWordsOf,
  composerStateOf,
  defaultButton,
  dialogOf,
  dialogTextOf,
  effectiveAction,
  effectiveMethod,
  formControls,
  formNameOf,
  formOwner,
  hintsOf,
  inputType,
  isDisabled,
  isForm,
  isSubmitButton,
  labelOf,
  resolveUrl,
  retarget,
  shortLabelOf,
  tagOf,
} from './dom';
import {
  clip,
  compileLexicon,
  type FoldedText,
  findPhrase,
  foldText,
  phraseSet,
  prepareText,
  splitIdentifier,
} from './text';
import {
  AFFIRMATIVE_WORDS,
  COMPOSER_ICON_WORDS,
  COMPOSER_WORDS,
  DANGER_CLASS_WORDS,
  DELETE_ICON_WORDS,
  DELETE_WORDS,
  DESTRUCTIVE_INTENT_PREFIXES,
  DESTRUCTIVE_POST_URL_WORDS,
  DESTRUCTIVE_URL_WORDS,
  DISMISS_WORDS,
  FOLDER_NOUN_WORDS,
  HARMLESS_OBJECT_WORDS,
  IRREVERSIBLE_WORDS,
  OUTBOUND_ICON_WORDS,
  OUTBOUND_URL_WORDS,
  OUTBOUND_WORDS,
  SEARCH_WORDS,
  SHARE_INTENT_URLS,
  SUBMIT_HINT_WORDS,
  SUBMIT_WORDS,
} from './words';

export type RiskKind = 'submit' | 'delete' | 'outbound' | 'none';
export type RiskyKind = Exclude<RiskKind, 'none'>;
export type RiskAction = 'click' | 'press-enter' | 'submit-form';

export interface RiskVerdict {
  kind: RiskKind;
  /** Short plain-English explanations, shown to the user when the run pauses. */
  reasons: string[];
}

const LEXICON = {
  delete: compileLexicon(DELETE_WORDS),
  outbound: compileLexicon(OUTBOUND_WORDS),
  composer: compileLexicon(COMPOSER_WORDS),
  submit: compileLexicon(SUBMIT_WORDS),
  affirmative: compileLexicon(AFFIRMATIVE_WORDS),
  dismiss: compileLexicon(DISMISS_WORDS),
  harmless: compileLexicon(HARMLESS_OBJECT_WORDS),
  irreversible: compileLexicon(IRREVERSIBLE_WORDS),
  search: compileLexicon(SEARCH_WORDS),
  danger: compileLexicon(DANGER_CLASS_WORDS),
  deleteUrl: compileLexicon(DESTRUCTIVE_URL_WORDS),
  deletePostUrl: compileLexicon([...DESTRUCTIVE_URL_WORDS, ...DESTRUCTIVE_POST_URL_WORDS]),
  outboundUrl: compileLexicon(OUTBOUND_URL_WORDS),
  deleteIcon: compileLexicon(DELETE_ICON_WORDS),
  outboundIcon: compileLexicon(OUTBOUND_ICON_WORDS),
  composerIcon: compileLexicon(COMPOSER_ICON_WORDS),
  submitHint: compileLexicon(SUBMIT_HINT_WORDS),
};

/** "Confirm", "Bestätigen": commit words that are also a dialog's bare OK. */
const AFFIRMATIVE_PHRASES = phraseSet(LEXICON.affirmative);
const FOLDER_NOUNS = phraseSet(compileLexicon(FOLDER_NOUN_WORDS));

/** Kinds in the order they win when several fit. */
const KIND_PRECEDENCE: readonly RiskyKind[] = ['delete', 'outbound', 'submit'];

/** One piece of evidence for a kind, with the sentence that explains it. */
interface Evidence {
  kind: RiskyKind;
  reason: string;
}

/** What a control's label and markup say about its purpose. */
interface ControlReading {
  label: string;
  delete: string | null;
  outbound: string | null;
  /** "Reply", "Comment": sends only when a filled composer is beside it. */
  composer: string | null;
  submit: string | null;
  affirmative: boolean;
  dismiss: boolean;
  /** "Remove formatting": a delete word neutralised by a harmless object. */
  harmless: string | null;
  danger: boolean;
}

export function classifyAction(target: Element, action: RiskAction): RiskVerdict {
  if (action === 'submit-form') return classifyFormSubmit(target);
  if (action === 'press-enter') return classifyEnter(target);
  return classifyClick(retarget(target));
}

function verdict(kind: RiskKind, ...reasons: Array<string | null | undefined>): RiskVerdict {
  return { kind, reasons: reasons.filter((reason): reason is string => Boolean(reason)) };
}

function quote(text: string): string {
  return `'${clip(text, REASON_LABEL_CHARS)}'`;
}

function describeControl(element: Element): string {
  const label = shortLabelOf(element).trim();
  const tag = tagOf(element);
  const noun = tag === 'A' ? 'link' : tag === 'INPUT' || tag === 'BUTTON' ? 'button' : 'control';
  return label ? `${noun} ${quote(label)}` : `${noun} (no text)`;
}

function describeUrl(url: URL, doc: Document): string {
  let base: URL | null = null;
  try {
    base = new URL(doc.baseURI);
  } catch {
    base = null;
  }
  const sameSite = url.protocol === 'file:' || (base !== null && base.origin === url.origin);
  const shown = sameSite || url.origin === 'http://page.invalid' ? `${url.pathname}${url.search}` : url.href;
  return clip(shown, REASON_URL_CHARS);
}

function describeForm(form: HTMLFormElement): string {
  const name = formNameOf(form).trim();
  return name ? `form ${quote(name)}` : 'its form';
}

function readControl(element: Element): ControlReading {
  const label = labelOf(element);
  const text = prepareText(label);
  const hints = prepareText(hintsOf(element));
  const harmless = findPhrase(text, LEXICON.harmless);
  let deleteWord = findPhrase(text, LEXICON.delete);
  if (deleteWord !== null && harmless !== null) deleteWord = null;
  const reading: ControlReading = {
    label,
    delete: deleteWord,
    outbound: findPhrase(text, LEXICON.outbound),
    composer: findPhrase(text, LEXICON.composer),
    submit: findPhrase(text, LEXICON.submit, AFFIRMATIVE_PHRASES),
    affirmative: findPhrase(text, LEXICON.affirmative) !== null,
    dismiss: findPhrase(text, LEXICON.dismiss) !== null,
    harmless,
    danger: findPhrase(prepareText(classWordsOf(element)), LEXICON.danger) !== null,
  };
  // Icons and developer names speak only when the words say nothing (icon-only buttons).
  if (!hasOwnKind(reading) && harmless === null) {
    reading.delete = findPhrase(hints, LEXICON.deleteIcon);
    reading.outbound = findPhrase(hints, LEXICON.outboundIcon);
    reading.composer = findPhrase(hints, LEXICON.composerIcon);
    reading.submit = findPhrase(hints, LEXICON.submitHint);
  }
  return reading;
}

function hasOwnKind(reading: ControlReading): boolean {
  return reading.delete !== null || reading.outbound !== null || reading.composer !== null || reading.submit !== null;
}

/** The strongest kind among the evidence, and every reason for it. */
function strongest(evidence: readonly Evidence[]): { kind: RiskyKind; reasons: string[] } | null {
  for (const kind of KIND_PRECEDENCE) {
    const matching = evidence.filter((item) => item.kind === kind);
    if (matching.length > 0) return { kind, reasons: matching.map((item) => item.reason) };
  }
  return null;
}

/** Evidence from the label itself. `composerSends` says whether "Reply"/"Comment" sends here. */
function labelEvidence(reading: ControlReading, composerSends: boolean): Evidence[] {
  const evidence: Evidence[] = [];
  const label = quote(reading.label);
  if (reading.delete)
    evidence.push({ kind: 'delete', reason: `its label ${label} means delete ('${reading.delete}')` });
  // "Send money", "Send payment": a commit phrase that contains the send word is the more specific.
  const outboundInsideSubmit =
    reading.outbound !== null &&
    reading.submit !== null &&
    foldText(reading.submit).includes(foldText(reading.outbound));
  if (reading.outbound && !outboundInsideSubmit)
    evidence.push({ kind: 'outbound', reason: `its label ${label} means sending ('${reading.outbound}')` });
  if (reading.composer && composerSends)
    evidence.push({ kind: 'outbound', reason: `its label ${label} sends what was written ('${reading.composer}')` });
  if (reading.submit)
    evidence.push({ kind: 'submit', reason: `its label ${label} commits a change ('${reading.submit}')` });
  return evidence;
}

/** What the surrounding dialog asks, for an OK/Yes/Confirm (or unlabelled) button inside it. */
function dialogEvidence(element: Element, reading: ControlReading | null): Evidence[] {
  // Only a bare answer (OK, Yes, Confirm, an unlabelled or red button) takes the dialog's meaning;
  // "Copy link" or "Remove formatting" inside a dialog keep their own.
  if (reading) {
    const bare = prepareText(reading.label).words.length === 0;
    if (reading.dismiss || !(reading.affirmative || bare || reading.danger)) return [];
  }
  const dialog = dialogOf(element);
  if (!dialog) return [];
  const raw = dialogTextOf(dialog);
  const text = prepareText(raw);
  const question = quote(raw);
  const evidence: Evidence[] = [];
  const deleteWord = findPhrase(text, LEXICON.delete) ?? findPhrase(text, LEXICON.irreversible);
  if (deleteWord) evidence.push({ kind: 'delete', reason: `it confirms the dialog ${question}` });
  const sendWord = findPhrase(text, LEXICON.outbound) ?? findPhrase(text, LEXICON.composer);
  if (sendWord) evidence.push({ kind: 'outbound', reason: `it confirms the dialog ${question}` });
  if (findPhrase(text, LEXICON.submit)) evidence.push({ kind: 'submit', reason: `it confirms the dialog ${question}` });
  return evidence;
}

/** Destructive styling (btn-danger, is-destructive) on a control whose words say nothing else. */
function dangerEvidence(reading: ControlReading): Evidence[] {
  if (!reading.danger || reading.dismiss || reading.harmless) return [];
  if (reading.outbound || reading.composer || reading.submit) return [];
  return [{ kind: 'delete', reason: 'it is styled as a destructive action' }];
}

/** Words in a URL path and in its action-like query parameters (`?action=delete`, `?delete=1`). */
function urlWords(url: URL): FoldedText {
  const parts = [decodeSafely(url.pathname)];
  for (const [key, value] of url.searchParams) {
    if (INTENT_FIELD_NAME.test(key)) parts.push(value);
    else if (value === '' || value === '1' || value === 'true') parts.push(key);
  }
  return prepareText(splitIdentifier(parts.join(' ')).replace(/[_\-./]+/g, ' '));
}

/** `action=trashcomment`, `op=deleteUser`: an action value that starts with a destructive verb. */
function destructiveIntent(values: readonly string[]): string | null {
  for (const value of values) {
    const compact = foldText(value).replace(/[^\p{L}\p{N}]+/gu, '');
    const verb = DESTRUCTIVE_INTENT_PREFIXES.find((prefix) => compact.startsWith(prefix));
    if (verb) return value;
  }
  return null;
}

function intentValuesOf(url: URL): string[] {
  return [...url.searchParams].filter(([key]) => INTENT_FIELD_NAME.test(key)).map(([, value]) => value);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function urlEvidence(url: URL, doc: Document, changesData: boolean): Evidence[] {
  const words = urlWords(url);
  const where = describeUrl(url, doc);
  const evidence: Evidence[] = [];
  const deleteWord = findPhrase(words, changesData ? LEXICON.deletePostUrl : LEXICON.deleteUrl);
  const intent = destructiveIntent(intentValuesOf(url));
  if (deleteWord) evidence.push({ kind: 'delete', reason: `${where} is a '${deleteWord}' endpoint` });
  else if (intent) evidence.push({ kind: 'delete', reason: `${where} asks for the action '${intent}'` });
  if (changesData) {
    const sendWord = findPhrase(words, LEXICON.outboundUrl);
    if (sendWord) evidence.push({ kind: 'outbound', reason: `${where} is a '${sendWord}' endpoint` });
  }
  return evidence;
}

/** Hidden `_method=delete`, a bulk-action select set to "Delete", `name="intent" value="delete"`. */
function intentEvidence(form: HTMLFormElement, submitter: Element | null): Evidence[] {
  const values: string[] = [];
  for (const control of formControls(form)) {
    const name = control.getAttribute('name') ?? '';
    const tag = tagOf(control);
    const isIntentField = INTENT_FIELD_NAME.test(name);
    if (tag === 'INPUT' && inputType(control) === 'hidden' && isIntentField)
      values.push(control.getAttribute('value') ?? '');
    if (tag === 'SELECT' && isIntentField) {
      const select = control as HTMLSelectElement;
      const option = select.options[select.selectedIndex];
      if (option) values.push(`${option.value} ${option.textContent ?? ''}`);
    }
  }
  if (submitter) {
    const name = submitter.getAttribute('name') ?? '';
    if (INTENT_FIELD_NAME.test(name)) values.push(submitter.getAttribute('value') ?? '');
    else if (name) values.push(name);
  }
  const text = prepareText(splitIdentifier(values.join(' ')).replace(/[_\-./]+/g, ' '));
  const evidence: Evidence[] = [];
  const deleteWord =
    findPhrase(text, LEXICON.deleteUrl) ?? findPhrase(text, LEXICON.delete) ?? destructiveIntent(values);
  if (deleteWord) evidence.push({ kind: 'delete', reason: `the form's action field says '${deleteWord}'` });
  const sendWord = findPhrase(text, LEXICON.outboundUrl) ?? findPhrase(text, LEXICON.outbound);
  if (sendWord) evidence.push({ kind: 'outbound', reason: `the form's action field says '${sendWord}'` });
  return evidence;
}

/** `data-confirm="Delete this note?"` and similar framework prompts on the control or its form. */
function confirmPromptEvidence(elements: ReadonlyArray<Element | null>): Evidence[] {
  const evidence: Evidence[] = [];
  for (const element of elements) {
    if (!element) continue;
    for (const attribute of CONFIRM_ATTRIBUTES) {
      const prompt = element.getAttribute(attribute);
      if (!prompt) continue;
      const text = prepareText(prompt);
      if (findPhrase(text, LEXICON.delete) ?? findPhrase(text, LEXICON.irreversible))
        evidence.push({ kind: 'delete', reason: `it asks first: ${quote(prompt)}` });
      else if (findPhrase(text, LEXICON.outbound))
        evidence.push({ kind: 'outbound', reason: `it asks first: ${quote(prompt)}` });
      else evidence.push({ kind: 'submit', reason: `it asks first: ${quote(prompt)}` });
    }
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// Native form submission

function classifyFormSubmit(target: Element): RiskVerdict {
  const form = isForm(target) ? target : formOwner(target);
  if (!form) return verdict('none', 'there is no form to submit');
  return classifySubmission(form, null, null);
}

/**
 * A form submitted by `submitter` (or with none: `requestSubmit()`, or Enter in a one-field form).
 * `subject` starts the first reason ("button 'Save'", "Enter in field 'Title'"); null when the
 * form itself is submitted.
 */
function classifySubmission(form: HTMLFormElement, submitter: Element | null, subject: string | null): RiskVerdict {
  const doc = form.ownerDocument;
  const method = effectiveMethod(form, submitter);
  const url = effectiveAction(form, submitter);
  // With no submitter the default button still tells what the form is for ("Send", "Delete").
  const labelled = submitter ?? defaultButton(form);
  const reading = labelled ? readControl(labelled) : null;

  if (method === 'dialog') {
    const own = reading ? strongest(labelEvidence(reading, false)) : null;
    if (own && submitter && !reading?.dismiss) {
      return verdict(own.kind, `${subject} closes its dialog choosing ${quote(reading?.label ?? '')}`, ...own.reasons);
    }
    return verdict('none', `${subject ?? 'submitting the form'} only closes its dialog (method="dialog")`);
  }
  const formName = describeForm(form);
  if (url.protocol === 'mailto:') {
    const to = clip(decodeSafely(url.pathname), REASON_URL_CHARS);
    return verdict('outbound', `${subject ?? 'submitting it'} sends ${formName} as an email to ${to}`);
  }

  const changesData = method === 'post';
  const where = `by ${method.toUpperCase()} to ${describeUrl(url, doc)}`;
  const request = subject ? `${subject} submits ${formName} ${where}` : `submitting ${formName} sends it ${where}`;
  const hard = [
    ...urlEvidence(url, doc, changesData),
    ...intentEvidence(form, submitter),
    ...confirmPromptEvidence([submitter, form]),
  ];
  const soft = reading ? [...labelEvidence(reading, true), ...dangerEvidence(reading)] : [];
  const context = dialogEvidence(submitter ?? form, reading);
  const best = strongest([...hard, ...soft, ...context]);

  if (changesData) return verdict(best?.kind ?? 'submit', request, ...(best?.reasons ?? []));
  // GET changes nothing unless the URL, an action field or the button's own words say otherwise.
  const getBest = strongest([...hard, ...(reading && !isSearchLabel(reading) ? labelEvidence(reading, true) : [])]);
  if (getBest) return verdict(getBest.kind, request, ...getBest.reasons);
  return verdict('none', `${request}: a search, filter or navigation that changes nothing`);
}

function isSearchLabel(reading: ControlReading): boolean {
  return findPhrase(prepareText(reading.label), LEXICON.search) !== null && reading.delete === null;
}

// ---------------------------------------------------------------------------------------------
// Enter

function classifyEnter(target: Element): RiskVerdict {
  const tag = tagOf(target);
  if (tag === 'TEXTAREA') return verdict('none', 'Enter in a text area adds a new line');
  if (tag === 'SELECT') return verdict('none', 'Enter in a list box does not submit');
  if (tag === 'INPUT') {
    const type = inputType(target);
    if (type === 'submit' || type === 'image' || type === 'button' || type === 'reset') return classifyClick(target);
    if (!ENTER_SUBMITTING_INPUT_TYPES.has(type)) return verdict('none', `Enter in a ${type} field does not submit`);
    return classifyImplicitSubmission(target);
  }
  if (target.getAttribute('contenteditable') !== null || target.getAttribute('role') === 'textbox') {
    return verdict('none', 'Enter in a text box adds a new line');
  }
  // Enter on a focused button or link activates it, like a click.
  return classifyClick(retarget(target));
}

function fieldName(field: Element): string {
  const name =
    field.getAttribute('aria-label') ||
    field.getAttribute('placeholder') ||
    field.getAttribute('name') ||
    field.getAttribute('id') ||
    '';
  return name ? `field ${quote(name)}` : 'the field';
}

/** HTML implicit submission: the default button, else a form with exactly one blocking field. */
function classifyImplicitSubmission(field: Element): RiskVerdict {
  const form = formOwner(field);
  const where = `Enter in ${fieldName(field)}`;
  if (!form) return verdict('none', `${where} is not in a form, so it submits nothing`);
  const button = defaultButton(form);
  if (button) {
    if (isDisabled(button)) return verdict('none', `${where}: the form's default button is disabled`);
    return classifySubmission(form, button, `${where} (through ${describeControl(button)})`);
  }
  const blocking = formControls(form).filter(
    (control) => tagOf(control) === 'INPUT' && BLOCKING_INPUT_TYPES.has(inputType(control)),
  );
  if (blocking.length === 1) return classifySubmission(form, null, where);
  return verdict(
    'none',
    `${where}: the form has ${blocking.length} fields and no submit button, so Enter does nothing`,
  );
}

// ---------------------------------------------------------------------------------------------
// Click

function classifyClick(element: Element): RiskVerdict {
  const tag = tagOf(element);
  const htmx = htmxRequest(element);
  if (htmx) return classifyScriptRequest(element, htmx);

  if (isSubmitButton(element)) {
    const form = formOwner(element);
    if (form) return classifySubmission(form, element, describeControl(element));
    // A submit button outside any form does nothing natively; a script may still act on it.
    return classifyScripted(element);
  }
  if (tag === 'INPUT' && inputType(element) === 'reset') return verdict('none', 'a reset button only clears the form');
  if (tag === 'BUTTON' && inputType(element) === 'reset') return verdict('none', 'a reset button only clears the form');
  if ((tag === 'A' || tag === 'AREA') && element.hasAttribute('href')) return classifyLink(element);
  if (tag === 'INPUT' && inputType(element) !== 'button')
    return verdict('none', 'clicking a field only focuses or toggles it');
  if (tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'OPTION')
    return verdict('none', 'clicking a field only focuses it');
  if (tag === 'LABEL') return verdict('none', 'clicking a label only focuses or toggles its field');
  if (tag === 'SUMMARY') return verdict('none', 'it only expands or collapses a section');
  return classifyScripted(element);
}

/** htmx attributes (`hx-delete`, `hx-post`) turn any element into a request. */
function htmxRequest(element: Element): { method: string; url: string } | null {
  for (const [attribute, method] of HTMX_METHOD_ATTRIBUTES) {
    const url = element.getAttribute(attribute);
    if (url !== null) return { method, url };
  }
  return null;
}

/** A link or control that a framework turns into a non-GET request to a URL. */
function classifyScriptRequest(element: Element, request: { method: string; url: string }): RiskVerdict {
  const doc = element.ownerDocument;
  const url = resolveUrl(request.url, doc);
  const how = `${describeControl(element)} sends a ${request.method.toUpperCase()} request to ${describeUrl(url, doc)}`;
  if (request.method === 'delete') return verdict('delete', how);
  if (request.method === 'get') {
    const best = strongest(urlEvidence(url, doc, false));
    return best ? verdict(best.kind, how, ...best.reasons) : verdict('none', `${how}, which only reads`);
  }
  const reading = readControl(element);
  const best = strongest([
    ...urlEvidence(url, doc, true),
    ...labelEvidence(reading, true),
    ...confirmPromptEvidence([element]),
    ...dialogEvidence(element, reading),
    ...dangerEvidence(reading),
  ]);
  return verdict(best?.kind ?? 'submit', how, ...(best?.reasons ?? []));
}

function classifyLink(link: Element): RiskVerdict {
  const doc = link.ownerDocument;
  const href = (link.getAttribute('href') ?? '').trim();
  const method = REQUEST_METHOD_ATTRIBUTES.map((name) => link.getAttribute(name)).find(Boolean);
  if (method) return classifyScriptRequest(link, { method: method.toLowerCase(), url: href });
  if (href === '' || href === '#' || /^javascript:/i.test(href) || href.startsWith('#!')) return classifyScripted(link);

  const url = resolveUrl(href, doc);
  if (url.protocol === 'mailto:') {
    const to = decodeSafely(url.pathname) || 'someone';
    return verdict('outbound', `link starts an email to ${clip(to, REASON_URL_CHARS)} (mailto:)`);
  }
  if (url.protocol === 'sms:') return verdict('outbound', 'link starts a text message (sms:)');
  if (SHARE_INTENT_URLS.some((pattern) => pattern.test(url.href))) {
    return verdict('outbound', `link shares this page on ${url.hostname}`);
  }
  if (link.hasAttribute('download')) return verdict('none', 'link downloads a file');
  if (href.startsWith('#')) {
    const targetId = decodeSafely(href.slice(1));
    const target = doc.getElementById(targetId);
    if (!target) return classifyScripted(link);
    return verdict('none', `link only jumps to ${quote(targetId)} on this page`);
  }
  const prompts = confirmPromptEvidence([link]);
  const best = strongest([
    ...urlEvidence(url, doc, false),
    ...prompts.filter((item) => item.kind === 'delete'),
    ...destructiveLinkLabel(link),
  ]);
  if (best) return verdict(best.kind, `link requests ${describeUrl(url, doc)} (GET)`, ...best.reasons);
  return verdict('none', `link navigates to ${describeUrl(url, doc)}`);
}

/**
 * A link labelled "Remove" or "Delete" may do it with a plain GET (cart "Remove" links, old admin
 * pages), so it asks whatever its URL looks like. Folder names ("Trash") and harmless objects
 * ("Remove filter") stay navigation. Only the words count here, not icons: a trash-can icon on a
 * link usually marks the Trash folder.
 */
function destructiveLinkLabel(link: Element): Evidence[] {
  const label = labelOf(link);
  const text = prepareText(label);
  if (findPhrase(text, LEXICON.harmless)) return [];
  const word = findPhrase(text, LEXICON.delete, FOLDER_NOUNS);
  return word ? [{ kind: 'delete', reason: `its label ${quote(label)} means delete ('${word}')` }] : [];
}

/** Whether the control only opens a menu, dialog, popover or disclosure. */
function opensSomething(element: Element): string | null {
  const popup = element.getAttribute('aria-haspopup');
  if (popup !== null && popup !== 'false') return popup === 'true' || popup === '' ? 'a menu' : `a ${popup}`;
  if (element.hasAttribute('aria-expanded')) return 'a collapsed section or menu';
  const toggle = element.getAttribute('data-bs-toggle') ?? element.getAttribute('data-toggle');
  if (toggle) return `a ${toggle}`;
  if (element.hasAttribute('popovertarget')) return 'a popover';
  const command = element.getAttribute('command');
  if (command === 'show-modal' || command === 'show-popover' || command === 'toggle-popover') return 'a dialog';
  return null;
}

/** Controls whose effect is script-driven: judged by their evident purpose in context. */
function classifyScripted(element: Element): RiskVerdict {
  const role = (element.getAttribute('role') ?? '').toLowerCase();
  const name = describeControl(element);
  if (NON_COMMITTING_ROLES.has(role) || element.closest('[role="tablist"]')) {
    return verdict('none', `${name} selects or navigates within the page`);
  }
  const reading = readControl(element);
  const opens = opensSomething(element);
  if (opens) return verdict('none', `${name} only opens ${opens}; nothing is sent yet`);
  if (reading.dismiss && !hasOwnKind(reading)) return verdict('none', `${name} only cancels or closes`);

  const composer = reading.composer !== null ? composerStateOf(element) : 'absent';
  const own = labelEvidence(reading, composer === 'filled');
  const context = dialogEvidence(element, reading);
  const best = strongest([...own, ...context, ...dangerEvidence(reading), ...confirmPromptEvidence([element])]);
  if (best) return verdict(best.kind, `${name} runs a page action`, ...best.reasons);
  if (reading.composer !== null) {
    return verdict('none', `${name} only opens a composer: there is no written text beside it to send`);
  }
  if (reading.harmless !== null) {
    return verdict('none', `${name} only changes the ${reading.harmless} of what is shown, not stored data`);
  }
  if (reading.affirmative && !dialogOf(element) && findPhrase(prepareText(reading.label), LEXICON.submit)) {
    return verdict('submit', `${name} confirms and commits a change`);
  }
  return verdict('none', `${name} shows no sign of submitting, deleting or sending`);
}
