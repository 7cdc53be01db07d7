import { describe, expect, it } from 'vitest';
import { APPROVE_DELAY_MS, ApprovalQueue, type PendingApproval } from '@/lib/run/approvals';

function approval(id: string, runId = 'run-1', createdAt = 1_000): PendingApproval {
  return {
    id,
    runId,
    stepIndex: 3,
    taskTitle: 'Send invoice',
    preview: {
      kind: 'submit',
      origin: 'https://crm.example',
      url: 'https://crm.example/x',
      target: "button 'Send'",
      reasons: [],
      formData: [],
    },
    digest: `digest-${id}`,
    createdAt,
    windowId: null,
  };
}

describe('ApprovalQueue', () => {
  it('settles an approval once, with its digest, and only after the delay', async () => {
    const queue = new ApprovalQueue();
    const decision = queue.add(approval('a'));
    expect(queue.settle('a', true, 1_000 + APPROVE_DELAY_MS - 1)).toBe(false);
    expect(queue.get('a')).toBeDefined();
    expect(queue.settle('a', true, 1_000 + APPROVE_DELAY_MS)).toBe(true);
    await expect(decision).resolves.toEqual({ approved: true, digest: 'digest-a' });
    expect(queue.settle('a', true, 99_999)).toBe(false);
    expect(queue.list()).toEqual([]);
  });

  it('lets a denial through at once', async () => {
    const queue = new ApprovalQueue();
    const decision = queue.add(approval('b'));
    expect(queue.settle('b', false, 1_000)).toBe(true);
    await expect(decision).resolves.toMatchObject({ approved: false });
  });

  it('keeps one pending approval per run: a new one denies the older', async () => {
    const queue = new ApprovalQueue();
    const first = queue.add(approval('c', 'run-2'));
    const second = queue.add(approval('d', 'run-2'));
    await expect(first).resolves.toMatchObject({ approved: false });
    expect(queue.list().map((item) => item.id)).toEqual(['d']);
    queue.settle('d', false);
    await second;
  });

  it('denies what a closed window showed, and everything on lock', async () => {
    const queue = new ApprovalQueue();
    const shown = queue.add(approval('e', 'run-3'));
    const other = queue.add(approval('f', 'run-4'));
    queue.setWindow('e', 42);
    queue.denyForWindow(42);
    await expect(shown).resolves.toMatchObject({ approved: false });
    queue.denyAll();
    await expect(other).resolves.toMatchObject({ approved: false });
    expect(queue.list()).toEqual([]);
  });

  it('ignores unknown ids', () => {
    expect(new ApprovalQueue().settle('nope', true, 10_000_000)).toBe(false);
  });
});
