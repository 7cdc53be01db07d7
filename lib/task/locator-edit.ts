/**
 * Pure helpers for the step editor (issue #8): moving a step, and editing the locators of a step's target.
 * The editor checks CSS and XPath syntax with the page's own parser (it needs a document) and hands the result in
 * as `checkSyntax`; everything else is decided here and the patched target is validated with the stored schema,
 * so an edit either yields a target replay accepts or changes nothing.
 */
import { type Locator, type LocatorKind, type TargetDescriptor, TargetDescriptorSchema } from '@/lib/locators/schema';
import { err, ok, type Result } from '@/lib/result';

/** Returns a copy of `items` with the item at `from` moved to index `to`; out-of-range indexes change nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

export const LOCATOR_LABELS: Record<LocatorKind, string> = {
  testId: 'Test ID',
  id: 'Element ID',
  role: 'Role and name',
  label: 'Label',
  placeholder: 'Placeholder text',
  name: 'Field name',
  text: 'Text',
  css: 'CSS selector',
  xpath: 'XPath',
};

/** The user-editable text fields of each locator kind, with the label an input shows for each. */
export type LocatorField = 'value' | 'role' | 'name' | 'text' | 'selector' | 'path';
export function editableFields(locator: Locator): { field: LocatorField; label: string }[] {
  switch (locator.kind) {
    case 'testId':
      return [{ field: 'value', label: `Value of ${locator.attr}` }];
    case 'id':
      return [{ field: 'value', label: 'ID' }];
    case 'role':
      return [
        { field: 'role', label: 'Role' },
        { field: 'name', label: 'Name' },
      ];
    case 'label':
    case 'placeholder':
    case 'text':
      return [{ field: 'text', label: 'Text' }];
    case 'name':
      return [{ field: 'value', label: 'Name attribute' }];
    case 'css':
      return [{ field: 'selector', label: 'Selector' }];
    case 'xpath':
      return [{ field: 'path', label: 'XPath' }];
  }
}

export function fieldValue(locator: Locator, field: LocatorField): string {
  return (locator as Record<string, unknown>)[field] as string;
}

export type LocatorEditError = 'empty' | 'syntax' | 'invalid' | 'last';

/** Checks a CSS selector or XPath against a real parser; returns an error message or null. */
export type SyntaxCheck = (locator: Locator) => string | null;

function check(target: TargetDescriptor, locators: Locator[], checkSyntax: SyntaxCheck, changed?: Locator) {
  if (changed) {
    for (const { field, label } of editableFields(changed)) {
      if (fieldValue(changed, field).trim() === '')
        return err<LocatorEditError>('empty', `${label} can't be empty. Type a value, or remove this locator.`);
    }
    const syntax = checkSyntax(changed);
    if (syntax) return err<LocatorEditError>('syntax', syntax);
  }
  const parsed = TargetDescriptorSchema.safeParse({ ...target, locators });
  if (!parsed.success)
    return err<LocatorEditError>(
      'invalid',
      'That locator is too long or there are too many. Shorten it or remove one.',
    );
  return ok(parsed.data);
}

/** Replaces the locator at `index` after checking it. */
export function replaceLocator(
  target: TargetDescriptor,
  index: number,
  locator: Locator,
  checkSyntax: SyntaxCheck,
): Result<TargetDescriptor, LocatorEditError> {
  const locators = target.locators.map((item, at) => (at === index ? locator : item));
  return check(target, locators, checkSyntax, locator);
}

/** Appends a locator after checking it. */
export function addLocator(
  target: TargetDescriptor,
  locator: Locator,
  checkSyntax: SyntaxCheck,
): Result<TargetDescriptor, LocatorEditError> {
  return check(target, [...target.locators, locator], checkSyntax, locator);
}

/**
 * Removes the locator at `index`. Removing the last one is allowed: replay then finds the element by what it
 * recorded about it (its name, text and surroundings), which the editor says before the user confirms.
 */
export function removeLocator(target: TargetDescriptor, index: number): Result<TargetDescriptor, LocatorEditError> {
  return check(
    target,
    target.locators.filter((_, at) => at !== index),
    () => null,
  );
}

/** A blank locator of a kind the editor can add. */
export function blankLocator(kind: 'css' | 'xpath' | 'text', tag: string): Locator {
  if (kind === 'css') return { kind, selector: '' };
  if (kind === 'xpath') return { kind, path: '' };
  return { kind, tag, text: '' };
}
