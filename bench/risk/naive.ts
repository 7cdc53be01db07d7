/**
 * The naive peer the benchmark compares against: risky when the element's own visible text or value
 * contains one of ten action words, with the kind of the first such word in the text.
 */
export type NaiveKind = 'submit' | 'delete' | 'outbound' | 'none';

const NAIVE_WORDS: Readonly<Record<string, Exclude<NaiveKind, 'none'>>> = {
  delete: 'delete',
  remove: 'delete',
  send: 'outbound',
  post: 'outbound',
  submit: 'submit',
  pay: 'submit',
  save: 'submit',
  transfer: 'submit',
  publish: 'submit',
  order: 'submit',
};

const NAIVE_PATTERN = new RegExp(`\\b(${Object.keys(NAIVE_WORDS).join('|')})\\b`, 'i');

function ownText(element: Element): string {
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return (element as HTMLInputElement).value ?? '';
  // innerText is what a person sees; happy-dom and detached nodes fall back to textContent.
  const html = element as HTMLElement;
  return (typeof html.innerText === 'string' ? html.innerText : element.textContent) ?? '';
}

export function classifyNaive(element: Element): NaiveKind {
  const match = NAIVE_PATTERN.exec(ownText(element));
  if (!match) return 'none';
  return NAIVE_WORDS[(match[1] as string).toLowerCase()] ?? 'none';
}
