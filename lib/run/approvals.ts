/**
 * Pending approvals for risky steps (submit, delete, outbound message), after MetaMask's approval
 * controller: each lives in memory only (never persisted: a restart forgets it and the run asks
 * again), is single-use, and is bound to a digest of what will happen (step, live target, URL,
 * form data). Only the confirmation page can settle one; closing it means "no".
 */
export type RiskKind = 'submit' | 'delete' | 'outbound';

export interface FormField {
  name: string;
  /** Already masked for password fields and secret variables. */
  value: string;
}

export interface ActionPreview {
  kind: RiskKind | 'ask';
  origin: string;
  url: string;
  /** e.g. "Button 'Send' in form 'Compose'" */
  target: string;
  reasons: string[];
  formData: FormField[];
}

export interface PendingApproval {
  id: string;
  runId: string;
  stepIndex: number;
  taskTitle: string;
  preview: ActionPreview;
  digest: string;
  createdAt: number;
  windowId: number | null;
  /** The run's environment, shown prominently when it is production. */
  environment?: { name: string; production: boolean };
}

/** The confirmation window enables Approve only after this long, so a stray click can't approve. */
export const APPROVE_DELAY_MS = 1000;

type Decision = { approved: boolean; digest: string };

export class ApprovalQueue {
  #pending = new Map<string, PendingApproval>();
  #waiters = new Map<string, (decision: Decision) => void>();

  /** Adds an approval and returns a promise that settles when the person decides. One per run. */
  add(approval: PendingApproval): Promise<Decision> {
    for (const existing of this.#pending.values()) {
      if (existing.runId === approval.runId) this.settle(existing.id, false);
    }
    this.#pending.set(approval.id, approval);
    return new Promise((resolve) => this.#waiters.set(approval.id, resolve));
  }

  get(id: string): PendingApproval | undefined {
    return this.#pending.get(id);
  }

  list(): PendingApproval[] {
    return [...this.#pending.values()].sort((left, right) => left.createdAt - right.createdAt);
  }

  setWindow(id: string, windowId: number): void {
    const approval = this.#pending.get(id);
    if (approval) approval.windowId = windowId;
  }

  /**
   * Settles an approval once. Approving is refused before APPROVE_DELAY_MS has passed since it was
   * created; the returned flag says whether anything was settled.
   */
  settle(id: string, approved: boolean, now: number = Date.now()): boolean {
    const approval = this.#pending.get(id);
    const waiter = this.#waiters.get(id);
    if (!approval || !waiter) return false;
    if (approved && now - approval.createdAt < APPROVE_DELAY_MS) return false;
    this.#pending.delete(id);
    this.#waiters.delete(id);
    waiter({ approved, digest: approval.digest });
    return true;
  }

  /** Closing a confirmation window denies what it showed. */
  denyForWindow(windowId: number): void {
    for (const approval of this.list()) if (approval.windowId === windowId) this.settle(approval.id, false);
  }

  denyAll(): void {
    for (const approval of this.list()) this.settle(approval.id, false);
  }
}
