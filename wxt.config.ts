import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// A test build (UNDERSTUDY_TEST_BUILD=1) pre-grants loopback hosts, because headless Chromium shows
// a permission prompt nobody can answer. Production builds hold no host access until the user
// allow-lists an origin.
const isTestBuild = process.env.UNDERSTUDY_TEST_BUILD === '1';
// UNDERSTUDY_OUT_DIR builds elsewhere (two checkouts' e2e runs on one machine must not share a build).
const outDir = process.env.UNDERSTUDY_OUT_DIR ?? (isTestBuild ? '.output-test' : '.output');

// The popup's stylesheet goes inline in popup.html: as a file it blocks the first paint of the
// popup's static frame by one more load (about 40 ms; issue 8, bench:popup). Other pages keep the file.
function inlinePopupStylesheet(): Plugin {
  return {
    name: 'understudy:inline-popup-stylesheet',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle || !filename.endsWith('/entrypoints/popup/index.html')) return html;
        return html.replace(/<link rel="stylesheet"[^>]*? href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : tag;
        });
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir,
  imports: false,
  vite: () => ({ plugins: [preact(), inlinePopupStylesheet()] }),
  manifest: ({ browser }) => ({
    name: 'Understudy',
    description: 'Show a task once; Understudy replays it on sites you allow, and asks before anything risky.',
    permissions: [
      'storage', // encrypted vault header, session key mirror (storage.session)
      'scripting', // register content scripts for allow-listed origins only
      'alarms', // auto-lock timer
      'idle', // lock when the OS locks
      'activeTab', // read the current tab's origin when the user opens the popup
      // The network backstop of a run (entrypoints/background/backstop.ts): a session rule blocks
      // write requests from the run's tab unless approved; webRequest only observes. Both act on
      // allowed origins alone (the "WithHostAccess" variant needs host access, which is all we hold).
      'declarativeNetRequestWithHostAccess',
      'webRequest',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Keyboard shortcuts (entrypoints/background/commands.ts); a command counts as the user gesture
    // sidePanel.open needs. Listed on the options page.
    commands: {
      'toggle-recording': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Start or stop recording a task in the current tab',
      },
      ...(browser === 'firefox'
        ? {}
        : {
            'open-side-panel': {
              suggested_key: { default: 'Alt+Shift+U' },
              description: 'Open the Understudy side panel',
            },
          }),
    },
    // Origins are requested one at a time, when the user allow-lists them.
    // ws/wss: an allowed site's WebSocket address, so the run's backstop can hold sockets too.
    optional_host_permissions: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'],
    host_permissions: isTestBuild
      ? ['http://127.0.0.1/*', 'http://localhost/*', 'ws://127.0.0.1/*', 'ws://localhost/*']
      : [],
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          // Firefox has no side panel API; its sidebar shows the same page.
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Understudy' },
          browser_specific_settings: { gecko: { id: 'understudy@understudy.invalid', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});
