/**
 * Renders the visible viewport of a document to a PNG (or, to fit the cap, JPEG) data URL with
 * modern-screenshot, masking secrets in the library's clone before anything is rasterized (see
 * entrypoints/content/artifact.ts for why the screenshot is drawn from the DOM).
 *
 * No network: the extension makes no requests of its own, so the library must not fetch either.
 * Images and CSS backgrounds it would fetch become a blank pixel (`fetchFn`), fonts are not
 * embedded (`font: false`, text renders in a local font), and elements whose clone would load
 * something are left out ({@link isLeftOut}). The library adds a hidden 0×0 iframe (default
 * styles) to the page while it renders and removes it after: nothing the person can see changes.
 */
import { createContext, destroyContext, domToCanvas } from 'modern-screenshot';
import { MAX_SCREENSHOT_CHARS, maskClone } from '@/lib/run/artifact';

/** A transparent 1×1 PNG: every image the renderer would have had to fetch. */
const BLANK_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
/** modern-screenshot's hidden iframe for default styles, appended to the page while it renders. */
const SANDBOX_ID_PREFIX = '__SANDBOX__';
/** Waiting for images to load and for the rendered SVG to decode. */
const RENDER_TIMEOUT_MS = 3000;
/** Tried in order until the data URL fits MAX_SCREENSHOT_CHARS: [scale, JPEG quality]. */
const JPEG_STEPS: readonly [number, number][] = [
  [1, 0.85],
  [1, 0.6],
  [0.5, 0.7],
  [0.25, 0.6],
];

export interface Rendered {
  /** Null when no encoding fits the cap. */
  dataUrl: string | null;
  /** Fields, texts and attributes masked in the clone. */
  masked: number;
}

/** `onSvg` sees the masked SVG that is rasterized (tests check it holds no secret). */
export async function renderViewport(
  doc: Document,
  secrets: readonly string[],
  onSvg?: (svg: SVGElement) => void,
): Promise<Rendered> {
  let masked = 0;
  const view = doc.defaultView ?? window;
  const context = await createContext(doc.documentElement, {
    width: view.innerWidth,
    height: view.innerHeight,
    scale: 1,
    backgroundColor: '#ffffff',
    timeout: RENDER_TIMEOUT_MS,
    font: false,
    fetchFn: async () => BLANK_IMAGE,
    fetch: { placeholderImage: BLANK_IMAGE },
    filter: (node) => !isLeftOut(node),
    // The page's scroll offset moves the clone, so the image is the viewport the person saw.
    features: { restoreScrollPosition: true },
    onCloneNode: (clone) => {
      if (clone.nodeType !== Node.ELEMENT_NODE) return;
      masked = maskClone(clone as Element, secrets);
    },
    onCreateForeignObjectSvg: onSvg ?? null,
  });
  try {
    const canvas = await domToCanvas(context);
    return { dataUrl: encodeWithinCap(canvas), masked };
  } finally {
    destroyContext(context);
  }
}

/**
 * Left out of the clone: elements whose copy would start a download even detached (media with a
 * source, embedded objects, SVG images, a `<use>` of another file, images the page has not loaded
 * itself: a loaded one is reused from the page's memory, a lazy or broken one would be fetched),
 * and the renderer's own helper iframe.
 */
function isLeftOut(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  switch (element.localName) {
    case 'video':
    case 'audio':
    case 'source':
    case 'track':
    case 'object':
    case 'embed':
    case 'image':
      return true;
    case 'use': {
      const href = element.getAttribute('href') ?? element.getAttribute('xlink:href') ?? '';
      return href !== '' && !href.startsWith('#');
    }
    case 'img': {
      const image = element as HTMLImageElement;
      return !(image.complete && image.naturalWidth > 0);
    }
    case 'input':
      return (element as HTMLInputElement).type === 'image';
    case 'iframe':
      return element.id.startsWith(SANDBOX_ID_PREFIX);
    default:
      return false;
  }
}

/** PNG when it fits, else JPEG, smaller and smaller; null when nothing fits. */
function encodeWithinCap(canvas: HTMLCanvasElement): string | null {
  const png = canvas.toDataURL('image/png');
  if (png.length <= MAX_SCREENSHOT_CHARS) return png;
  for (const [scale, quality] of JPEG_STEPS) {
    const source = scale === 1 ? canvas : downscale(canvas, scale);
    const jpeg = source.toDataURL('image/jpeg', quality);
    if (jpeg.length <= MAX_SCREENSHOT_CHARS) return jpeg;
  }
  return null;
}

function downscale(canvas: HTMLCanvasElement, scale: number): HTMLCanvasElement {
  const smaller = canvas.ownerDocument.createElement('canvas');
  smaller.width = Math.max(1, Math.round(canvas.width * scale));
  smaller.height = Math.max(1, Math.round(canvas.height * scale));
  smaller.getContext('2d')?.drawImage(canvas, 0, 0, smaller.width, smaller.height);
  return smaller;
}
