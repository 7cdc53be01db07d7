/**
 * One sentence per step, in words a non-technical person reads in the review list:
 * "Click button 'Save contact'", "Fill 'Email' with {{email}}". Values are shown as the variable
 * template the step holds; secret values never appear because steps only hold `{{name}}`.
 */
import type { TargetDescriptor } from '@/lib/locators/schema';
import type { Step } from './schema';

const ROLE_WORDS: Record<string, string> = {
  button: 'button',
  link: 'link',
  textbox: 'field',
  searchbox: 'search field',
  checkbox: 'checkbox',
  radio: 'option',
  combobox: 'list',
  listbox: 'list',
  tab: 'tab',
  menuitem: 'menu item',
  switch: 'switch',
  form: 'form',
  // Containers: what scroll and hover steps usually name.
  region: 'section',
  list: 'list',
  listitem: 'item',
  menu: 'menu',
  menubar: 'menu bar',
  navigation: 'navigation',
  dialog: 'dialog',
};
const MAX_NAME = 60;

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `'${clean.length > MAX_NAME ? `${clean.slice(0, MAX_NAME - 1)}…` : clean}'`;
}

export function describeTarget(target: TargetDescriptor): string {
  const print = target.fingerprint;
  const name = print.label || print.name || print.text || print.attrs.placeholder || print.attrs.name || '';
  const role = ROLE_WORDS[print.role] ?? (print.tag || 'element');
  return name ? `${role} ${quote(name)}` : `${role} (unnamed)`;
}

/** "to the top", "down to 960 px", "to 40, 960 px": where a scroll step leaves its container. */
function scrollPosition(x: number, y: number): string {
  if (x === 0 && y === 0) return 'to the top';
  if (x === 0) return `down to ${y} px`;
  if (y === 0) return `across to ${x} px`;
  return `to ${x}, ${y} px`;
}

function fieldName(target: TargetDescriptor): string {
  const print = target.fingerprint;
  const name = print.label || print.name || print.attrs.placeholder || print.attrs.name;
  return name ? quote(name) : describeTarget(target);
}

export function describeStep(step: Step): string {
  const where = step.frame.length > 0 ? ` in frame ${quote(step.frame.at(-1)?.fingerprint.name || 'unnamed')}` : '';
  const tab = step.tab > 0 ? ` (tab ${step.tab + 1})` : '';
  const suffix = `${where}${tab}`;
  switch (step.kind) {
    case 'navigate':
      return `Go to ${step.url}${tab}`;
    case 'click':
      return `Click ${describeTarget(step.target)}${suffix}`;
    case 'doubleClick':
      return `Double-click ${describeTarget(step.target)}${suffix}`;
    case 'fill':
      return `Fill ${fieldName(step.target)} with ${step.value}${suffix}`;
    case 'select':
      return `Choose ${quote(step.label || step.value)} in ${fieldName(step.target)}${suffix}`;
    case 'check':
      return `${step.checked ? 'Tick' : 'Untick'} ${fieldName(step.target)}${suffix}`;
    case 'press': {
      const keys = [...step.modifiers, step.key].join('+');
      return step.target ? `Press ${keys} in ${fieldName(step.target)}${suffix}` : `Press ${keys}${suffix}`;
    }
    case 'submit':
      return `Submit ${describeTarget(step.target)}${suffix}`;
    case 'scroll':
      return `Scroll ${step.target ? describeTarget(step.target) : 'the page'} ${scrollPosition(step.x, step.y)}${suffix}`;
    case 'hover':
      return `Point at ${describeTarget(step.target)}${suffix}`;
    case 'upload':
      return `Upload a file to ${fieldName(step.target)} (you pick the file)${suffix}`;
    case 'waitForElement':
      return `Wait for ${describeTarget(step.target)}${suffix}`;
    case 'waitForUrl':
      return `Wait for the address ${step.url}${tab}`;
  }
}
