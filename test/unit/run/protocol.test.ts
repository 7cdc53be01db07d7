import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators';
import { InspectReply, MAX_CANDIDATES, PickReply, ReplayRequest } from '@/lib/run/protocol';
import { RunSchema } from '@/lib/run/schema';

describe('replay protocol: asking the person which element', () => {
  it('accepts an ambiguous inspect with its candidates, and caps how many', () => {
    const reply = { status: 'ambiguous', reason: '2 elements fit equally', candidates: ['link A', 'link B'] };
    expect(InspectReply.parse(reply)).toEqual(reply);
    const tooMany = { ...reply, candidates: Array.from({ length: MAX_CANDIDATES + 1 }, (_, index) => `c${index}`) };
    expect(InspectReply.safeParse(tooMany).success).toBe(false);
    // An ambiguous reply without candidates gives the person nothing to pick from: refused.
    expect(InspectReply.safeParse({ status: 'ambiguous', reason: 'x' }).success).toBe(false);
  });

  it('a pick names a step and a candidate index in range, and nothing else', () => {
    expect(ReplayRequest.safeParse({ type: 'replay:pick', stepId: 's1', index: 1 }).success).toBe(true);
    expect(ReplayRequest.safeParse({ type: 'replay:pick', stepId: 's1', index: MAX_CANDIDATES }).success).toBe(false);
    expect(ReplayRequest.safeParse({ type: 'replay:pick', stepId: 's1', index: -1 }).success).toBe(false);
    expect(ReplayRequest.safeParse({ type: 'replay:pick', stepId: 's1', index: 0, approve: true }).success).toBe(false);
  });

  it('a picked reply carries a valid target descriptor (the healed locators)', () => {
    document.body.innerHTML = '<ul><li><a href="/contacts/7/edit">Edit Dana Scully</a></li></ul>';
    const target = describeElement(document.querySelector('a') as Element);
    expect(PickReply.parse({ status: 'picked', target })).toEqual({ status: 'picked', target });
    expect(PickReply.safeParse({ status: 'picked', target: { version: 1 } }).success).toBe(false);
    expect(PickReply.parse({ status: 'gone', reason: 'removed' }).status).toBe('gone');
  });

  it('the request a runner sends for inspect must name the secret variables', () => {
    // The bug that kept replay from working: a request without secretNames was silently dropped.
    const step = {
      kind: 'navigate',
      id: 'n1',
      url: 'http://127.0.0.1/',
      optional: false,
      alwaysAsk: false,
      frame: [],
      tab: 0,
    };
    const parsed = ReplayRequest.safeParse({ type: 'replay:inspect', step, values: {}, timeoutMs: 1000 });
    expect(parsed.success).toBe(false);
  });

  it("an act may ask for the next target's box to be read ahead, and says so only with a boolean", () => {
    document.body.innerHTML = '<button>Save</button>';
    const next = describeElement(document.querySelector('button') as Element);
    const step = { kind: 'press', id: 'p1', key: 'Enter', optional: false, alwaysAsk: false, frame: [], tab: 0 };
    const act = { type: 'replay:act', step, values: {}, timeoutMs: 1000, digest: null, next };
    expect(ReplayRequest.safeParse(act).success).toBe(true);
    expect(ReplayRequest.safeParse({ ...act, sightNext: true }).success).toBe(true);
    expect(ReplayRequest.safeParse({ ...act, sightNext: 'yes' }).success).toBe(false);
  });

  it('a run paused as ambiguous stores the question, encrypted with the run', () => {
    const run = {
      version: 1,
      taskId: 't',
      taskTitle: 'Open Dana',
      state: 'paused',
      pauseReason: 'ambiguous',
      tabs: [3],
      currentStep: 1,
      values: {},
      results: [],
      startedAt: 1,
      choice: { stepIndex: 1, reason: 'tie', candidates: ['link A', 'link B'] },
    };
    expect(RunSchema.parse(run).choice?.candidates).toEqual(['link A', 'link B']);
    expect(RunSchema.safeParse({ ...run, choice: { ...run.choice, stepIndex: -1 } }).success).toBe(false);
  });
});
