/**
 * The task list, asked for the moment the popup opens, in parallel with the vault check, so the
 * unlocked view does not wait a second round trip before it can show tasks (bench:popup). Taken
 * once; an early reply that failed (the vault was locked then) is asked for again.
 */
import { send } from '@/components/runtime';

type TaskListReply = Awaited<ReturnType<typeof send<'task:list'>>>;

let early: Promise<TaskListReply> | null = null;

export function prefetchTasks(): void {
  early = send({ type: 'task:list' });
}

export async function loadTasks(): Promise<TaskListReply> {
  const pending = early;
  early = null;
  const reply = pending ? await pending : null;
  return reply?.ok ? reply : send({ type: 'task:list' });
}
