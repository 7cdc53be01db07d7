import { useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import { type VaultStatus, WIPE_CONFIRMATION } from '@/lib/messages';

export function Wipe({ onChange }: { onChange: (status: VaultStatus) => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const reply = await send({ type: 'vault:wipe', confirmation: typed });
    if (reply.ok) onChange(reply.value);
    else setError(reply.error.message);
  };
  return (
    <section aria-labelledby="wipe-heading" class="stack">
      <h2 id="wipe-heading">Delete everything</h2>
      <form onSubmit={submit} class="card stack">
        <p>
          This deletes every task, run and log entry and the vault itself, on this computer. It cannot be undone. Type{' '}
          <strong>{WIPE_CONFIRMATION}</strong> to confirm.
        </p>
        <div>
          <label for="wipe-confirmation">Confirmation</label>
          <input
            id="wipe-confirmation"
            autocomplete="off"
            value={typed}
            onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="danger" disabled={typed !== WIPE_CONFIRMATION}>
          Delete everything
        </button>
        <ErrorText message={error} />
      </form>
    </section>
  );
}
