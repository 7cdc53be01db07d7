/** Shared end-to-end steps: signing in to the demo site, recording a task through the popup. */
import type { Page } from '@playwright/test';
import type { Step, Task } from '../../lib/task/schema';
import type { DemoSite } from '../demo-site/server.mjs';
import { type ExtensionHandle, expect, sendFromExtensionPage, tabIdOf } from './fixtures';

/** Signs in through the page itself (not recorded), as a person would before starting. */
export async function signIn(page: Page, demo: DemoSite): Promise<void> {
  await page.goto(`${demo.url}/login`);
  await page.getByLabel('Email').fill('ada@example.test');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${demo.url}/`);
}

export interface Recording {
  popup: Page;
  /** Closes the popup, as clicking into the page does, and brings the page to the front. */
  closePopup: () => Promise<void>;
  reopenPopup: () => Promise<void>;
  stop: (title: string) => Promise<Task>;
}

/** Presses Record in the popup for the tab showing `page`, waits until its content script records. */
export async function record(extension: ExtensionHandle, page: Page): Promise<Recording> {
  const tabId = await tabIdOf(extension, page);
  const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Record a task' }).click();
  await expect(popup.getByTestId('recording-status')).toContainText('1 step so far');
  await expect(page.locator('understudy-indicator')).toBeAttached();
  // The person goes back to the page to work; tabs it opens then have it as their opener.
  await page.bringToFront();
  const recording: Recording = {
    popup,
    closePopup: async () => {
      await recording.popup.close();
      await page.bringToFront();
    },
    reopenPopup: async () => {
      recording.popup = await extension.openPage(`popup.html?tabId=${tabId}`);
    },
    stop: async (title) => {
      const popup = recording.popup;
      await popup.getByLabel('Task name').fill(title);
      await popup.getByRole('button', { name: 'Stop and save' }).click();
      await expect(popup.getByTestId('recording-saved')).toContainText(title);
      const list = (await sendFromExtensionPage(popup, { type: 'task:list' })) as {
        value: { tasks: { id: string; title: string }[] };
      };
      const id = list.value.tasks.find((task) => task.title === title)?.id;
      const got = (await sendFromExtensionPage(popup, { type: 'task:get', id })) as { value: { task: Task } };
      await expect(page.locator('understudy-indicator')).not.toBeAttached();
      return got.value.task;
    },
  };
  return recording;
}

/** Waits until `frames` frames of the tab showing `page` are capturing (a fresh document needs a moment). */
export async function expectRecordingFrames(extension: ExtensionHandle, popup: Page, page: Page, frames: number) {
  const tabId = await tabIdOf(extension, page);
  await expect
    .poll(async () => {
      const reply = (await sendFromExtensionPage(popup, { type: 'tab:status', tabId })) as {
        value: { recordingFrames: number };
      };
      return reply.value.recordingFrames;
    })
    .toBe(frames);
}

/** Waits until the background holds `count` steps (each action is reported as it happens). */
export async function expectStepCount(popup: Page, count: number): Promise<void> {
  await expect(popup.getByTestId('recording-status')).toContainText(`${count} step${count === 1 ? '' : 's'} so far`);
}

export function summary(steps: Step[]): string[] {
  return steps.map((step) => {
    const name =
      'target' in step && step.target
        ? step.target.fingerprint.label || step.target.fingerprint.name || step.target.fingerprint.tag
        : '';
    return `${step.kind}${name ? `:${name}` : ''}`;
  });
}

/** Presses Run in the popup for the tab showing `page`, keeping the recorded values. */
export async function runFromPopup(extension: ExtensionHandle, page: Page, title: string): Promise<Page> {
  const popup = await extension.openPage(`popup.html?tabId=${await tabIdOf(extension, page)}`);
  const latest = (await sendFromExtensionPage(popup, { type: 'run:status' })) as {
    value: { run: { runId: string } | null };
  };
  const previousRunId = latest.value.run?.runId ?? 'none';
  const progress = popup.getByTestId('run-progress');
  const started = async () =>
    (await progress.count()) > 0 && (await progress.getAttribute('data-run-id')) !== previousRunId;
  await popup.getByRole('button', { name: `Run ${title}`, exact: true }).click();
  // A task with variables asks for their values first; one without starts at once.
  const form = popup.getByRole('form', { name: `Values for ${title}` });
  await expect.poll(async () => (await form.isVisible()) || (await started())).toBe(true);
  if (await form.isVisible()) {
    const secret = form.getByLabel('password');
    if ((await secret.count()) > 0) await expect(secret).toHaveValue(''); // a secret is never shown
    await form.getByRole('button', { name: 'Start run' }).click();
  }
  await expect.poll(started).toBe(true);
  return popup;
}

export async function nextConfirmWindow(extension: ExtensionHandle): Promise<Page> {
  const existing = extension.context.pages().find((page) => page.url().includes('/confirm.html?approval='));
  const window =
    existing ??
    (await extension.context.waitForEvent('page', { predicate: (page) => page.url().includes('/confirm.html') }));
  await window.waitForLoadState();
  return window;
}

export async function expectRunState(popup: Page, state: string): Promise<void> {
  await expect(popup.getByTestId('run-progress')).toHaveAttribute('data-state', state, { timeout: 30_000 });
}

/** Records opening Dana Scully's contact from the list (a navigation, nothing risky). */
export async function recordOpenDana(extension: ExtensionHandle, demo: DemoSite): Promise<Page> {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts`);
  const recording = await record(extension, page);
  await page.getByRole('link', { name: 'Edit Dana Scully' }).click();
  await page.waitForURL(/\/contacts\/\d+\/edit$/);
  await expectStepCount(recording.popup, 2);
  await recording.stop('Open Dana');
  await recording.popup.close();
  return page;
}

/**
 * Clicks Approve in a confirmation window like a person (a real click once it is enabled). The
 * window closes as soon as the approval lands, which can cut Playwright's click short: that is
 * success, as long as the window did close.
 */
export async function approveIn(confirm: Page): Promise<void> {
  await decideIn(confirm, 'Approve');
}

/** Denies in the confirmation window and waits for it to close. */
export async function denyIn(confirm: Page): Promise<void> {
  await decideIn(confirm, 'Deny');
}

/** The window closes itself on a decision, which can end Playwright's click before it returns. */
async function decideIn(confirm: Page, decision: 'Approve' | 'Deny'): Promise<void> {
  const button = confirm.getByRole('button', { name: decision });
  await expect(button).toBeEnabled();
  const closed = confirm.waitForEvent('close');
  await button.click().catch((error: unknown) => {
    if (!confirm.isClosed()) throw error;
  });
  await closed;
}

/** Every confirmation window opened from now on, in order (none can slip by between steps of a test). */
export function watchConfirmWindows(extension: ExtensionHandle): Page[] {
  const opened: Page[] = [];
  extension.context.on('page', (page) => {
    if (page.url().includes('/confirm.html?approval=')) opened.push(page);
  });
  return opened;
}
