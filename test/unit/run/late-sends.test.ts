import { describe, expect, it } from 'vitest';
import { attemptsSince, describeAttempt, lateSendMessage, splitAtDispatch } from '@/lib/run/late-sends';

const post = { method: 'POST', url: 'http://127.0.0.1:4000/api/reports/archive', at: 2000 };

describe('late sends', () => {
  it('keeps the attempts from the moment on, oldest first', () => {
    const earlier = { ...post, at: 900 };
    const later = { ...post, method: 'PUT', at: 3000 };
    expect(attemptsSince([later, earlier, post], 1000)).toEqual([post, later]);
    expect(attemptsSince([earlier], 1000)).toEqual([]);
  });

  it('splits what a step saw at its first event: before it an earlier step’s, from it on its own', () => {
    const late = { ...post, at: 1990 };
    const atDispatch = { ...post, at: 2000 };
    const own = { ...post, method: 'PUT', at: 2040 };
    expect(splitAtDispatch([late, atDispatch, own], 2000)).toEqual({ earlier: [late], own: [atDispatch, own] });
    expect(splitAtDispatch([], 2000)).toEqual({ earlier: [], own: [] });
  });

  it('names the path alone on the page’s own site, the whole address elsewhere', () => {
    expect(describeAttempt(post, 'http://127.0.0.1:4000')).toBe('POST /api/reports/archive');
    expect(describeAttempt(post, 'http://localhost:4000')).toBe('POST http://127.0.0.1:4000/api/reports/archive');
    expect(describeAttempt({ ...post, url: 'not a url', method: 'delete' }, null)).toBe('DELETE not a url');
  });

  it('says which step, that nothing was sent, and that the step asks first next time', () => {
    const message = lateSendMessage({
      attempts: [post, { ...post, at: 2500 }],
      pageOrigin: 'http://127.0.0.1:4000',
      stepNumber: 3,
      stepText: "Click button 'Archive report'",
      stoppedBefore: 4,
      dryRun: false,
    });
    expect(message).toBe(
      "After step 3 (Click button 'Archive report'), the page tried to send data later than Understudy watched for (POST /api/reports/archive and 1 more). It was blocked: nothing was sent. The run stopped before step 4. Step 3 now asks first: run the task again and approve it to let it send. If an earlier step made it, tick “Always ask first” on that one in the task editor.",
    );
  });

  it('at the end of a run, and in a dry run, promises nothing about a next run', () => {
    const atEnd = lateSendMessage({
      attempts: [post],
      pageOrigin: null,
      stepNumber: 2,
      stepText: null,
      stoppedBefore: null,
      dryRun: true,
    });
    expect(atEnd).toBe(
      'After step 2, the page tried to send data later than Understudy watched for (POST http://127.0.0.1:4000/api/reports/archive). It was blocked: nothing was sent.',
    );
    const noStep = lateSendMessage({
      attempts: [],
      pageOrigin: null,
      stepNumber: null,
      stepText: null,
      stoppedBefore: 1,
      dryRun: false,
    });
    expect(noStep).toContain('While the run went on, the page tried to send data');
    expect(noStep).toContain('Run the task again to retry.');
  });

  it('bounds the message to what a run stores', () => {
    const long = { ...post, url: `http://elsewhere.test/${'x'.repeat(2000)}` };
    const message = lateSendMessage({
      attempts: [long],
      pageOrigin: null,
      stepNumber: 1,
      stepText: 'y'.repeat(600),
      stoppedBefore: null,
      dryRun: false,
    });
    expect(message.length).toBe(500);
  });
});
