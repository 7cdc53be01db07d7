// HTML building blocks: an escaping template tag, and the per-variant "build" helpers that make the
// `changed` variant look like the same app after a rebuild (new generated ids and CSS-module hashes,
// extra wrapper divs, reordered fields, reworded buttons).

/** Markup that is already safe; `String(safe)` gives the markup. */
class SafeHtml {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

/** Text escaped for HTML text and quoted attribute values. */
export function escapeHtml(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Marks a string as already-safe HTML. Only for markup built here, never for user input. */
export function raw(text) {
  return new SafeHtml(String(text));
}

function render(value) {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.text;
  return escapeHtml(value);
}

/** Template tag: every interpolation is escaped unless it is `raw()` or another `html` result. */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + strings[i + 1];
  return raw(out);
}

/** A value as a JS literal safe inside an inline `<script>` (no `</script>` break-out). */
export function js(value) {
  return raw(
    JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029'),
  );
}

export function toHtmlString(value) {
  return render(value);
}

// Changing the seed re-hashes every generated id and class in both variants.
const BUILD_SEED = 'acme-crm-build-7';

/** 32-bit FNV-1a: a stable hash, so "generated" names are identical on every run. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function base62(n, length) {
  let out = '';
  let rest = n;
  for (let i = 0; i < length; i += 1) {
    out += BASE62[rest % 62];
    rest = Math.floor(rest / 62);
  }
  return out;
}

// React numbers useId() values per render; a rebuild that adds components shifts them.
const REACT_ID_START = { normal: 4, changed: 11 };

/**
 * Helpers for one rendered page. Create one per response: `rid()` numbers ids in call order, like
 * React's `useId()`, so the same page always gets the same ids.
 */
export function createUi(variant) {
  const changed = variant === 'changed';
  let reactId = REACT_ID_START[changed ? 'changed' : 'normal'];
  const hash = (name) => fnv1a(`${BUILD_SEED}:${variant}:${name}`);
  return {
    variant,
    changed,
    /** A hashed id like `f-3a9c` (stable for a name within a variant, different across variants). */
    gid(name) {
      return `f-${hash(name).toString(16).padStart(8, '0').slice(0, 4)}`;
    },
    /** A React-like `:r4:` id, numbered per page in call order. */
    rid() {
      const id = `:r${reactId.toString(32)}:`;
      reactId += 1;
      return id;
    },
    /** A CSS-module class: `cls('Button', 'primary')` → `Button_primary__x3Fa9`. */
    cls(module, name) {
      return `${module}_${name}__${base62(hash(`${module}.${name}`), 5)}`;
    },
    /** In the changed build, wraps markup in an extra div (the kind a new layout component adds). */
    wrap(content, module = 'Layout') {
      if (!changed) return content;
      return html`<div class="${`${module}_slot__${base62(hash(`${module}.slot`), 5)}`}">${content}</div>`;
    },
    /** Copy for a control: the changed build rewords some buttons slightly. */
    text(normalText, changedText) {
      return changed ? changedText : normalText;
    },
    /** The changed build shows items in another order; `permutation` lists normal indexes. */
    order(items, permutation) {
      if (!changed) return items;
      return permutation.map((i) => items[i]);
    },
  };
}
