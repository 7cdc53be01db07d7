import { useState } from 'preact/hooks';
import type { Locator, TargetDescriptor } from '@/lib/locators/schema';
import {
  addLocator,
  blankLocator,
  editableFields,
  fieldValue,
  LOCATOR_LABELS,
  type LocatorField,
  removeLocator,
  replaceLocator,
  type SyntaxCheck,
} from '@/lib/task/locator-edit';

/** Parses CSS and XPath with the panel's own engine, so a selector replay can't run is refused here. */
const checkSyntax: SyntaxCheck = (locator) => {
  try {
    if (locator.kind === 'css') document.createDocumentFragment().querySelector(locator.selector);
    if (locator.kind === 'xpath') document.createExpression(locator.path);
    return null;
  } catch {
    return locator.kind === 'css'
      ? 'That isn’t a valid CSS selector. Check its brackets and quotes, then try again.'
      : 'That isn’t a valid XPath. Check its slashes, brackets and quotes, then try again.';
  }
};

type AddKind = 'css' | 'xpath' | 'text';
const ADD_LABELS: Record<AddKind, string> = { css: 'Add a CSS selector', xpath: 'Add an XPath', text: 'Add a text' };

/**
 * The "Locators" disclosure of one step: the ways replay looks for the step's element, each editable and removable.
 * Edits apply when a field is committed (Enter or leaving it); an edit that fails a check shows why and changes nothing.
 */
export function LocatorEditor({
  target,
  stepNumber,
  onChange,
}: {
  target: TargetDescriptor;
  stepNumber: number;
  onChange: (target: TargetDescriptor) => void;
}) {
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Record<number, Locator>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [adding, setAdding] = useState<Locator | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const id = `locators-${stepNumber}`;

  const commit = (index: number, locator: Locator) => {
    const result = replaceLocator(target, index, locator, checkSyntax);
    if (!result.ok) return setErrors({ ...errors, [index]: result.error.message });
    const { [index]: _, ...rest } = errors;
    setErrors(rest);
    const { [index]: __, ...others } = drafts;
    setDrafts(others);
    onChange(result.value);
  };
  const remove = (index: number) => {
    const result = removeLocator(target, index);
    if (!result.ok) return;
    setDrafts({});
    setErrors({});
    onChange(result.value);
  };
  const add = () => {
    if (!adding) return;
    const result = addLocator(target, adding, checkSyntax);
    if (!result.ok) return setAddError(result.error.message);
    setAdding(null);
    setAddError(null);
    onChange(result.value);
  };

  return (
    <div class="locators">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {`Locators (${target.locators.length})`}
      </button>
      {open && (
        <fieldset id={id} class="stack locator-list" aria-label={`Locators of step ${stepNumber}`}>
          <p class="muted">
            Replay looks for this step’s element in these ways and checks it against what it remembers about it.
          </p>
          {target.locators.length === 0 && (
            <p data-testid="no-locators">
              No locators left: replay finds this element only by what it remembers about it (its name, text and
              surroundings). Add one if replay can’t find it.
            </p>
          )}
          <ul class="stack" style={{ listStyle: 'none', padding: 0 }}>
            {target.locators.map((saved, index) => {
              const locator = drafts[index] ?? saved;
              const error = errors[index];
              const errorId = `${id}-${index}-error`;
              return (
                <li key={index} class="locator-row" data-testid="locator">
                  <span class="locator-kind">{LOCATOR_LABELS[locator.kind]}</span>
                  {editableFields(locator).map(({ field, label }) => (
                    <LocatorInput
                      key={field}
                      id={`${id}-${index}-${field}`}
                      label={`${label} (${LOCATOR_LABELS[locator.kind]}, step ${stepNumber})`}
                      visibleLabel={label}
                      value={fieldValue(locator, field)}
                      invalid={Boolean(error)}
                      errorId={errorId}
                      onInput={(value) => setDrafts({ ...drafts, [index]: withField(locator, field, value) })}
                      onCommit={(value) => commit(index, withField(locator, field, value))}
                    />
                  ))}
                  <button
                    type="button"
                    class="danger"
                    onClick={() => remove(index)}
                    aria-label={`Remove ${LOCATOR_LABELS[locator.kind]} locator ${index + 1} of step ${stepNumber}`}
                  >
                    Remove
                  </button>
                  {target.locators.length === 1 && (
                    <p class="muted">
                      This is the last locator: without it, replay relies only on what it remembers about the element.
                    </p>
                  )}
                  {error && (
                    <p id={errorId} role="alert" class="error">
                      {error}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {adding ? (
            <div class="locator-row" data-testid="new-locator">
              {editableFields(adding).map(({ field }) => (
                <LocatorInput
                  key={field}
                  id={`${id}-new-${field}`}
                  label={`New ${LOCATOR_LABELS[adding.kind]} (step ${stepNumber})`}
                  visibleLabel={`New ${LOCATOR_LABELS[adding.kind]}`}
                  value={fieldValue(adding, field)}
                  invalid={Boolean(addError)}
                  errorId={`${id}-new-error`}
                  onInput={(value) => setAdding(withField(adding, field, value))}
                  onCommit={(value) => setAdding(withField(adding, field, value))}
                  onEnter={add}
                />
              ))}
              <button type="button" onClick={add}>
                Add
              </button>
              <button
                type="button"
                onClick={() => {
                  setAdding(null);
                  setAddError(null);
                }}
              >
                Cancel
              </button>
              {addError && (
                <p id={`${id}-new-error`} role="alert" class="error">
                  {addError}
                </p>
              )}
            </div>
          ) : (
            <div class="row">
              {(['css', 'xpath', 'text'] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  onClick={() => {
                    const locator = blankLocator(kind, target.fingerprint.tag);
                    setAdding(locator);
                    // Move focus into the new field so keyboard users can type at once.
                    requestAnimationFrame(() =>
                      document.getElementById(`${id}-new-${editableFields(locator)[0]?.field}`)?.focus(),
                    );
                  }}
                  aria-label={`${ADD_LABELS[kind]} to step ${stepNumber}`}
                >
                  {ADD_LABELS[kind]}
                </button>
              ))}
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}

function withField(locator: Locator, field: LocatorField, value: string): Locator {
  return { ...locator, [field]: value } as Locator;
}

function LocatorInput(props: {
  id: string;
  label: string;
  visibleLabel: string;
  value: string;
  invalid: boolean;
  errorId: string;
  onInput: (value: string) => void;
  onCommit: (value: string) => void;
  onEnter?: () => void;
}) {
  return (
    <span class="locator-field">
      <label for={props.id}>{props.visibleLabel}</label>
      <input
        id={props.id}
        aria-label={props.label}
        value={props.value}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={props.invalid}
        aria-describedby={props.invalid ? props.errorId : undefined}
        onInput={(event) => props.onInput((event.target as HTMLInputElement).value)}
        onChange={(event) => props.onCommit((event.target as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (props.onEnter) props.onEnter();
          else props.onCommit((event.target as HTMLInputElement).value);
        }}
      />
    </span>
  );
}
