import { useEffect, useState } from 'preact/hooks';
import { allowOrigin } from '@/components/AllowSite';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import { parseOrigin } from '@/lib/origins';

export function AllowList() {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void send({ type: 'allowlist:list' }).then((reply) => {
      if (reply.ok) setOrigins(reply.value.origins);
      else setError(reply.error.message);
    });
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const parsed = parseOrigin(draft);
    if (!parsed.ok) return setError(parsed.error.message);
    const result = await allowOrigin(parsed.value);
    if (!result.ok) return setError(result.message);
    setOrigins(result.origins);
    setDraft('');
  };

  const remove = async (origin: string) => {
    setError(null);
    const reply = await send({ type: 'allowlist:remove', origin });
    if (reply.ok) setOrigins(reply.value.origins);
    else setError(reply.error.message);
  };

  return (
    <section aria-labelledby="allowlist-heading" class="stack">
      <h2 id="allowlist-heading">Allowed sites</h2>
      <p class="muted">
        Understudy records and replays only on these exact sites (scheme, host and port). It has no access anywhere
        else.
      </p>
      <ul class="plain" aria-label="Allowed sites" data-testid="allowlist">
        {origins?.length === 0 && (
          <li class="muted">No sites yet. Add one below, or use “Allow this site” in the toolbar popup.</li>
        )}
        {origins?.map((origin) => (
          <li key={origin}>
            <span>{origin}</span>
            <button type="button" class="danger" onClick={() => remove(origin)} aria-label={`Remove ${origin}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="row">
        <div>
          <label for="new-origin">Site address</label>
          <input
            id="new-origin"
            value={draft}
            onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
            placeholder="https://shop.example"
            autocomplete="off"
            spellcheck={false}
          />
        </div>
        <button type="submit" class="primary" style={{ alignSelf: 'flex-end' }}>
          Allow site
        </button>
      </form>
      <ErrorText message={error} />
    </section>
  );
}
