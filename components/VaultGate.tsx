import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { VaultStatus } from '@/lib/messages';
import { describeStrength, MIN_PASSPHRASE_LENGTH } from '@/lib/passphrase-strength';
import type { Result } from '@/lib/result';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

/** Space kept while the vault state loads, so the page does not jump when it arrives. */
const LOADING_MIN_HEIGHT = '160px';

type VaultStatusReply = Result<VaultStatus, string>;

/**
 * Shows what the vault needs before anything else: create it on first run (after `intro`, e.g. the
 * popup's onboarding), unlock it when locked. Children render only while it is unlocked.
 * `firstLoad`: where the first state comes from, e.g. the popup's reply asked for before it loaded.
 */
export function VaultGate({
  children,
  intro,
  firstLoad,
}: {
  children: (status: VaultStatus, refresh: () => void) => ComponentChildren;
  intro?: ComponentChildren;
  firstLoad?: () => Promise<VaultStatusReply>;
}) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = async (load: () => Promise<VaultStatusReply> = () => send({ type: 'vault:status' })) => {
    const reply = await load();
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  };
  useEffect(() => void refresh(firstLoad), []);

  if (status === null) {
    return (
      <div aria-busy="true" style={{ minHeight: LOADING_MIN_HEIGHT }}>
        <ErrorText message={error} />
      </div>
    );
  }
  if (status.state === 'none') {
    return (
      <>
        {intro}
        <CreateVault onDone={setStatus} />
      </>
    );
  }
  if (status.state === 'locked') return <UnlockVault status={status} onDone={setStatus} />;
  return <>{children(status, () => void refresh())}</>;
}

function CreateVault({ onDone }: { onDone: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hint = describeStrength(passphrase);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (hint.strength === 'too-short') return setError(hint.message);
    if (passphrase !== repeat) return setError('The two passphrases are different. Type the same passphrase twice.');
    setBusy(true);
    const reply = await send({ type: 'vault:create', passphrase });
    setBusy(false);
    if (reply.ok) onDone(reply.value);
    else setError(reply.error.message);
  };

  return (
    <form onSubmit={submit} class="stack" aria-labelledby="create-heading">
      <h2 id="create-heading">Create your vault</h2>
      <p class="muted">
        Understudy encrypts your tasks with this passphrase and keeps them on this computer only. Nobody, including us,
        can recover it if you forget it.
      </p>
      <div>
        <label for="new-passphrase">Passphrase</label>
        <input
          id="new-passphrase"
          type="password"
          autocomplete="new-password"
          minLength={MIN_PASSPHRASE_LENGTH}
          value={passphrase}
          onInput={(event) => setPassphrase((event.target as HTMLInputElement).value)}
          aria-describedby="strength-hint"
          style={{ width: '100%' }}
        />
        <p id="strength-hint" class="muted" aria-live="polite" data-strength={hint.strength}>
          {passphrase ? hint.message : `At least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well.`}
        </p>
      </div>
      <div>
        <label for="repeat-passphrase">Type it again</label>
        <input
          id="repeat-passphrase"
          type="password"
          autocomplete="new-password"
          value={repeat}
          onInput={(event) => setRepeat((event.target as HTMLInputElement).value)}
          style={{ width: '100%' }}
        />
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Creating vault…' : 'Create vault'}
      </button>
      <ErrorText message={error} />
    </form>
  );
}

function UnlockVault({ status, onDone }: { status: VaultStatus; onDone: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const reply = await send({ type: 'vault:unlock', passphrase });
    setBusy(false);
    if (reply.ok) {
      setPassphrase('');
      onDone(reply.value);
    } else setError(reply.error.message);
  };

  return (
    <form onSubmit={submit} class="stack" aria-labelledby="unlock-heading">
      <h2 id="unlock-heading">Unlock Understudy</h2>
      <p class="muted">Your tasks are encrypted. Enter your passphrase to use them.</p>
      <div>
        <label for="unlock-passphrase">Passphrase</label>
        <input
          id="unlock-passphrase"
          type="password"
          autocomplete="current-password"
          autofocus
          value={passphrase}
          onInput={(event) => setPassphrase((event.target as HTMLInputElement).value)}
          style={{ width: '100%' }}
        />
      </div>
      <button type="submit" class="primary" disabled={busy || passphrase.length === 0}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      {status.retryAfterMs > 0 && error === null && (
        <p class="muted">After several wrong tries, Understudy waits a little before accepting another.</p>
      )}
      <ErrorText message={error} />
    </form>
  );
}
