import { describe, expect, it } from 'vitest';
import { commandVerb, commandVerbsDiffer } from '@/lib/locators/command-words';

describe('checking in is marking arrived', () => {
  it('reads "Check in", "Check-in" and "Mark as arrived" as one command', () => {
    expect(commandVerb('Check in')).toBe('checkin');
    expect(commandVerb('Check-in patient')).toBe('checkin');
    expect(commandVerb('Mark as arrived')).toBe('checkin');
    expect(commandVerbsDiffer('Check in', 'Mark as arrived')).toBe(false);
  });

  it('keeps checking out, and other marks, apart', () => {
    expect(commandVerbsDiffer('Check in', 'Check out')).toBe(true);
    expect(commandVerbsDiffer('Check-in', 'Check-out')).toBe(true);
    expect(commandVerbsDiffer('Check in', 'Mark as no-show')).toBe(true);
    expect(commandVerbsDiffer('Mark as arrived', 'Mark as resolved')).toBe(true);
  });
});

describe('completing is marking complete or done', () => {
  it('reads "Mark complete", "Mark as done" and "Complete job" as one command', () => {
    expect(commandVerb('Mark complete')).toBe('complete');
    expect(commandVerb('Mark as done')).toBe('complete');
    expect(commandVerbsDiffer('Mark complete', 'Complete job')).toBe(false);
    expect(commandVerbsDiffer('Mark as completed', 'Finish task')).toBe(false);
  });

  it('keeps other marks apart ("Mark incomplete", "Mark item 4 complete")', () => {
    expect(commandVerbsDiffer('Mark complete', 'Mark incomplete')).toBe(true);
    expect(commandVerb('Mark item 4 complete')).toBe('mark');
    expect(commandVerbsDiffer('Mark complete', 'Pause')).toBe(true);
  });
});
