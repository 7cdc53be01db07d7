import { describe, expect, it } from 'vitest';
import { MESSAGE_SENDERS, Message, ResponseValues } from '@/lib/messages';

const ID = 'a'.repeat(32);
const TASK = { id: ID, title: 'Add a contact', origins: ['http://127.0.0.1:4173'], stepCount: 5, createdAt: 1 };

describe('the popup’s messages', () => {
  it('accepts approval:show with a record id from extension pages only', () => {
    expect(Message.safeParse({ type: 'approval:show', id: ID }).success).toBe(true);
    expect(Message.safeParse({ type: 'approval:show', id: 'not-an-id' }).success).toBe(false);
    expect(Message.safeParse({ type: 'approval:show', id: ID, approve: true }).success).toBe(false);
    expect(MESSAGE_SENDERS['approval:show']).toEqual(['extension-page']);
  });

  it('lists a task with or without its last run', () => {
    const reply = ResponseValues['task:list'];
    expect(reply.safeParse({ tasks: [TASK], quarantined: 0 }).success).toBe(true);
    const withRun = { ...TASK, lastRun: { state: 'failed', at: 2 } };
    expect(reply.parse({ tasks: [withRun], quarantined: 0 }).tasks[0]?.lastRun).toEqual({ state: 'failed', at: 2 });
  });

  it('refuses a last run with an unknown state or extra fields', () => {
    const reply = ResponseValues['task:list'];
    const bad = [{ state: 'exploded', at: 2 }, { state: 'failed' }, { state: 'failed', at: 2, message: 'x' }];
    for (const lastRun of bad)
      expect(reply.safeParse({ tasks: [{ ...TASK, lastRun }], quarantined: 0 }).success).toBe(false);
  });
});
