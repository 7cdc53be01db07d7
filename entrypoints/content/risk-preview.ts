/**
 * What a replayed step is about to do, read from the live page: its risk (lib/risk), a plain
 * description of the target, the form data it would send (password fields and secret values
 * masked before anything leaves this frame), and a digest binding all of it. The background shows
 * the preview for approval and, before acting, compares the digest again: any change to the target,
 * the URL or the form data means asking again.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { computeFingerprint } from '@/lib/locators';
import { classifyAction } from '@/lib/risk/classify';
import type { Step } from '@/lib/task/schema';

export const MASK = '••••••';
const MAX_FIELDS = 100;
const MAX_VALUE = 300;

export type RiskKind = 'submit' | 'delete' | 'outbound' | 'none';

export function riskOf(step: Step, element: Element): { kind: RiskKind; reasons: string[] } {
  switch (step.kind) {
    case 'click':
    case 'doubleClick':
      return classifyAction(element, 'click');
    case 'press':
      return step.key === 'Enter' ? classifyAction(element, 'press-enter') : { kind: 'none', reasons: [] };
    case 'submit':
      return classifyAction(element, 'submit-form');
    default:
      return { kind: 'none', reasons: [] };
  }
}

function owningForm(element: Element): HTMLFormElement | null {
  if (element instanceof HTMLFormElement) return element;
  const owner = (element as HTMLButtonElement).form;
  return owner instanceof HTMLFormElement ? owner : element.closest('form');
}

function submitterOf(element: Element): HTMLElement | null {
  const type = (element as HTMLButtonElement).type?.toLowerCase();
  const tag = element.tagName.toLowerCase();
  return (tag === 'button' && type === 'submit') || (tag === 'input' && (type === 'submit' || type === 'image'))
    ? (element as HTMLElement)
    : null;
}

/** The name/value pairs the form would send, raw (for the digest only: never leaves the frame). */
function rawEntries(element: Element): [string, string][] {
  const form = owningForm(element);
  if (!form) return [];
  let data: FormData;
  try {
    data = new FormData(form, submitterOf(element));
  } catch {
    data = new FormData(form);
  }
  const entries: [string, string][] = [];
  for (const [name, value] of data.entries()) {
    entries.push([name, typeof value === 'string' ? value : `(file ${value.name})`]);
    if (entries.length >= MAX_FIELDS) break;
  }
  return entries;
}

function passwordNames(element: Element): Set<string> {
  const form = owningForm(element);
  const names = new Set<string>();
  if (!form) return names;
  for (const field of Array.from(form.elements)) {
    if ((field as HTMLInputElement).type?.toLowerCase() === 'password') names.add((field as HTMLInputElement).name);
  }
  return names;
}

export function formPreview(element: Element, secretValues: readonly string[]): { name: string; value: string }[] {
  const passwords = passwordNames(element);
  const secrets = secretValues.filter((value) => value.length > 0);
  return rawEntries(element).map(([name, value]) => {
    const masked = passwords.has(name) || secrets.some((secret) => value.includes(secret));
    const shown = masked ? MASK : value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
    return { name: name.slice(0, 200), value: shown };
  });
}

export function digestOf(step: Step, element: Element): string {
  const { rect: _rect, ...fingerprint } = computeFingerprint(element);
  const form = owningForm(element);
  const material = JSON.stringify({
    step: step.id,
    kind: step.kind,
    fingerprint,
    url: location.href,
    // Attributes, not properties: a field named "action" or "method" shadows form.action.
    action: form ? [form.getAttribute('action'), form.getAttribute('method')] : null,
    formaction: element.getAttribute('formaction'),
    data: rawEntries(element),
  });
  // noble, not crypto.subtle: SubtleCrypto is missing on plain-http pages.
  return bytesToHex(sha256(utf8ToBytes(material)));
}
