/**
 * Replay when the page changed so much that Understudy can't be sure: it asks (and heals the task
 * with the person's pick), or it fails the step with a reason, and never acts on a guess.
 */
import type { Page } from '@playwright/test';
import type { DemoSite } from '../demo-site/server.mjs';
import { allowOrigin, expect, sendFromExtensionPage, setUpVault, test } from './fixtures';
import { expectRunState, recordOpenDana, runFromPopup } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

/** Adds a contact through the app's own form endpoint (as another user of the CRM would). */
async function addContact(page: Page, demo: DemoSite, email: string): Promise<number> {
  const response = await page.request.post(`${demo.url}/contacts/new`, {
    form: { firstName: 'Dana', lastName: 'Scully', email, company: 'Umbrella Health', channel: 'email' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const created = demo.state().contacts.find((contact) => contact.email === email);
  if (!created) throw new Error(`contact ${email} was not created`);
  return created.id;
}

test('two look-alike targets pause the run; the person picks one and the task heals', async ({ extension, demo }) => {
  const page = await recordOpenDana(extension, demo);
  // The recorded Dana is gone and two new contacts share her name: no locator can tell them apart.
  const original = demo.state().contacts.find((contact) => contact.email === 'dana.scully@example.test');
  if (!original) throw new Error('seed contact missing');
  const deleted = await page.request.post(`${demo.url}/contacts/${original.id}/delete`, { maxRedirects: 0 });
  expect(deleted.status()).toBe(302);
  await addContact(page, demo, 'dana.one@example.test');
  const second = await addContact(page, demo, 'dana.two@example.test');
  await page.goto(`${demo.url}/`);

  let popup = await runFromPopup(extension, page, 'Open Dana');
  await expectRunState(popup, 'paused');
  await expect(popup.getByTestId('run-headline')).toHaveText('Which element did you mean?');
  const choice = popup.getByTestId('run-choice');
  await expect(choice.getByRole('button', { name: /^Pick \d/ })).toHaveCount(2);
  // Nothing was clicked while asking: the page still shows the list, outlined and numbered.
  await expect(page).toHaveURL(`${demo.url}/contacts`);
  await expect(page.locator('understudy-highlight')).toBeAttached();

  // The list shows contacts in order, so the second look-alike is the newer contact.
  await choice.getByRole('button', { name: /^Pick 2/ }).click();
  await expectRunState(popup, 'succeeded');
  await expect(page).toHaveURL(`${demo.url}/contacts/${second}/edit`);
  const status = (await sendFromExtensionPage(popup, { type: 'run:status' })) as {
    value: { run: { results: { via?: string }[] } };
  };
  expect(status.value.run.results[1]?.via).toBe('user');
  await expect(page.locator('understudy-highlight')).not.toBeAttached();

  // Healed: the next run goes straight to the picked contact without asking.
  await page.goto(`${demo.url}/`);
  await popup.close();
  popup = await runFromPopup(extension, page, 'Open Dana');
  await expectRunState(popup, 'succeeded');
  await expect(page).toHaveURL(`${demo.url}/contacts/${second}/edit`);
});

test('a removed target fails its step with a reason and nothing else happens', async ({ extension, demo }) => {
  const page = await recordOpenDana(extension, demo);
  const original = demo.state().contacts.find((contact) => contact.email === 'dana.scully@example.test');
  if (!original) throw new Error('seed contact missing');
  await page.request.post(`${demo.url}/contacts/${original.id}/delete`, { maxRedirects: 0 });
  await page.goto(`${demo.url}/`);
  const writes = demo.state().requests.length;

  const popup = await runFromPopup(extension, page, 'Open Dana');
  await expectRunState(popup, 'failed');
  await expect(popup.getByTestId('run-message')).toHaveText(
    "Step 2 (Click link 'Edit Dana Scully'): none of 20 similar elements matches the recorded target.",
  );
  await expect(page).toHaveURL(`${demo.url}/contacts`);
  expect(demo.state().requests.length).toBe(writes);
  const status = (await sendFromExtensionPage(popup, { type: 'run:status' })) as {
    value: { run: { results: { status: string }[] } };
  };
  expect(status.value.run.results.map((result) => result.status)).toEqual(['done', 'failed']);
});
