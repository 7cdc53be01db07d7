import { describe, expect, it } from 'vitest';
import { createMessageClient } from '@/lib/message-client';

describe('message client', () => {
  it('passes a valid reply through', async () => {
    const send = createMessageClient(async () => ({ ok: true, value: { version: '0.1.0' } }));
    expect(await send({ type: 'app:ping' })).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it('passes an error reply through', async () => {
    const send = createMessageClient(async () => ({ ok: false, error: { code: 'locked', message: 'Unlock first.' } }));
    expect(await send({ type: 'allowlist:list' })).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Unlock first.' },
    });
  });

  it('turns a malformed reply into an error instead of trusting it', async () => {
    const send = createMessageClient(async () => ({ ok: true, value: { origins: 'all' } }));
    expect(await send({ type: 'allowlist:list' })).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  });

  it('turns a transport failure into a plain error', async () => {
    const send = createMessageClient(async () => {
      throw new Error('Could not establish connection');
    });
    expect(await send({ type: 'app:ping' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
