/**
 * Record a target on one page and resolve it on another in Chromium, where XPath and CSS are the browser's own
 * (happy-dom evaluates no XPath, so rules that need both structural locators to agree are tested here).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';
import type { TargetDescriptor } from '@/lib/locators';

type Entry = typeof import('./page-entry');

export interface ChromiumResolver {
  /** Shows `html` (in `lang`) and describes the element `selector` finds, as the recorder would. */
  record(lang: string, html: string, selector: string): Promise<TargetDescriptor>;
  /**
   * Shows `html` (in `lang`) and resolves `target` there, as replay would: the found element's HTML, the locator
   * (or fingerprint) it was credited to, and the text of its nearest `closest` ancestor when asked (which row it is in).
   */
  replay(
    lang: string,
    html: string,
    target: TargetDescriptor,
    closest?: string,
  ): Promise<{ status: string; html?: string; via?: string; around?: string }>;
  /** The outer HTML of every element `selector` finds on the page shown last. */
  outerHtmlOf(selector: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function launchResolver(): Promise<ChromiumResolver> {
  const bundle = await bundleForPage('test/replay-harness/page-entry.ts', 'UnderstudyReplay');
  const browser: Browser = await launchChromium();
  const page: Page = await browser.newPage();
  const load = async (lang: string, html: string) => {
    await page.setContent(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${html}</body></html>`,
    );
    await page.addScriptTag({ content: bundle });
  };
  return {
    async record(lang, html, selector) {
      await load(lang, html);
      return page.evaluate(
        (selector) =>
          (window as unknown as { UnderstudyReplay: Entry }).UnderstudyReplay.describeElement(
            document.querySelector(selector) as Element,
          ),
        selector,
      );
    },
    async replay(lang, html, target, closest) {
      await load(lang, html);
      return page.evaluate(
        ({ target, closest }) => {
          const result = (window as unknown as { UnderstudyReplay: Entry }).UnderstudyReplay.resolveTarget(
            document,
            target,
          );
          if (result.status !== 'found') return { status: result.status };
          const around = closest ? (result.element.closest(closest)?.textContent ?? '') : undefined;
          return {
            status: result.status,
            html: result.element.outerHTML,
            via: result.via,
            ...(around === undefined ? {} : { around }),
          };
        },
        { target, closest },
      );
    },
    outerHtmlOf(selector) {
      return page.evaluate((selector) => [...document.querySelectorAll(selector)].map((e) => e.outerHTML), selector);
    },
    close: () => browser.close(),
  };
}
