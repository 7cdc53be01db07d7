import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostPermissionPatterns } from '@/lib/origins';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

/**
 * Asks Chrome for host access to one origin (this needs the click's user gesture, so it runs in the
 * page, not the background), then tells the background to allow-list it.
 */
export async function allowOrigin(
  origin: string,
): Promise<{ ok: true; origins: string[] } | { ok: false; message: string }> {
  let granted = false;
  try {
    granted = await browser.permissions.request({ origins: hostPermissionPatterns(origin) });
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, message: `Chrome did not grant access to ${origin}, so it was not added.` };
  const reply = await send({ type: 'allowlist:add', origin });
  return reply.ok ? { ok: true, origins: reply.value.origins } : { ok: false, message: reply.error.message };
}

export function AllowSiteButton({ origin, onAllowed }: { origin: string; onAllowed: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await allowOrigin(origin);
          setBusy(false);
          if (result.ok) onAllowed();
          else setError(result.message);
        }}
      >
        Allow this site
      </button>
      <ErrorText message={error} />
    </div>
  );
}
