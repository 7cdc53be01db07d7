/**
 * The app's side of early.ts: a reply asked for before the app loaded, checked like every other
 * reply (lib/message-client.ts). A failed early reply (e.g. the vault was locked then) is asked
 * for again.
 */
import { send } from '@/components/runtime';
import { createMessageClient } from '@/lib/message-client';
import { type EarlyType, takeEarly } from './early';

export async function loadEarly<T extends EarlyType>(type: T) {
  const raw = takeEarly(type);
  const reply = raw ? await createMessageClient(() => raw)<T>({ type } as Parameters<typeof send<T>>[0]) : null;
  return reply?.ok ? reply : send<T>({ type } as Parameters<typeof send<T>>[0]);
}
