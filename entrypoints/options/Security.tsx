import { useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import type { VaultStatus } from '@/lib/messages';
import { describeStrength } from '@/lib/passphrase-strength';

export function Security({ status, onChange }: { status: VaultStatus; onChange: (status: VaultStatus) => void }) {
  return (
    <section aria-labelledby="security-heading" class="stack">
      <h2 id="security-heading">Security</h2>
      <AutoLock status={status} onChange={onChange} />
      <ChangePassphrase onChange={onChange} />
    </section>
  );
}

function AutoLock({ status, onChange }: { status: VaultStatus; onChange: (status: VaultStatus) => void }) {
  const [minutes, setMinutes] = useState(String(status.autoLockMinutes));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 1440) {
      return setError('Enter a whole number of minutes from 1 to 1440.');
    }
    const reply = await send({ type: 'settings:auto-lock', minutes: value });
    if (!reply.ok) return setError(reply.error.message);
    onChange(reply.value);
    setMessage(`Understudy locks after ${value} idle minute${value === 1 ? '' : 's'} and when your computer locks.`);
  };
  return (
    <form onSubmit={save} class="card stack">
      <div>
        <label for="auto-lock">Lock after this many idle minutes</label>
        <input
          id="auto-lock"
          type="number"
          min={1}
          max={1440}
          value={minutes}
          onInput={(event) => setMinutes((event.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit">Save auto-lock</button>
      <p role="status" class="ok">
        {message}
      </p>
      <ErrorText message={error} />
    </form>
  );
}

function ChangePassphrase({ onChange }: { onChange: (status: VaultStatus) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hint = describeStrength(next);
  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    if (hint.strength === 'too-short') return setError(hint.message);
    if (next !== repeat) return setError('The new passphrases are different. Type the same one twice.');
    setBusy(true);
    const reply = await send({ type: 'vault:change-passphrase', current, next });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    onChange(reply.value);
    setCurrent('');
    setNext('');
    setRepeat('');
    setMessage('Passphrase changed. Use the new one from now on.');
  };
  const field = (id: string, label: string, value: string, set: (value: string) => void, auto: string) => (
    <div>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autocomplete={auto}
        value={value}
        onInput={(event) => set((event.target as HTMLInputElement).value)}
      />
    </div>
  );
  return (
    <form onSubmit={submit} class="card stack" aria-label="Change passphrase">
      {field('current-passphrase', 'Current passphrase', current, setCurrent, 'current-password')}
      {field('next-passphrase', 'New passphrase', next, setNext, 'new-password')}
      <p class="muted" aria-live="polite">
        {next ? hint.message : ''}
      </p>
      {field('repeat-next-passphrase', 'New passphrase again', repeat, setRepeat, 'new-password')}
      <button type="submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change passphrase'}
      </button>
      <p role="status" class="ok">
        {message}
      </p>
      <ErrorText message={error} />
    </form>
  );
}
