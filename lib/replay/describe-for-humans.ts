/**
 * Short, plain descriptions of elements for messages people read: "button 'Save'", "div 'cookie-banner'".
 * Page text is untrusted and may be long, so names are cut short; form values are never read.
 */
import { accessibleName, roleOf } from '@/lib/locators';

const MAX_NAME = 60;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME - 1)}…` : flat;
}

export function describeForHumans(element: Element): string {
  const role = roleOf(element);
  const kind = role || element.localName.toLowerCase();
  // accessibleName never reads a field's value (only labels, aria, placeholders), so secrets stay out.
  let name = clip(accessibleName(element, role));
  if (!name) name = clip(element.id || element.classList[0] || '');
  return name ? `${kind} '${name.replace(/'/g, '’')}'` : kind;
}
