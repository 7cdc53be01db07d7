/**
 * Issue 9 end to end: recordings written by Chrome DevTools Recorder itself (not exported by Understudy) are
 * imported through the side panel and replayed. Their selectors often say nothing about what kind of element
 * they point at (`aria/First name`, `#first-name`), so replay acts only where independent selectors agree, and
 * pauses to ask where they match look-alikes.
 */
import type { Page } from '@playwright/test';
import type { DemoSite } from '../demo-site/server.mjs';
import { allowOrigin, type ExtensionHandle, expect, sendFromExtensionPage, setUpVault, test } from './fixtures';
import { approveIn, expectRunState, nextConfirmWindow, runFromPopup, signIn } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

/** Imports a recording through the side panel's file input, as a person would. */
async function importRecording(extension: ExtensionHandle, flow: { title: string; steps: unknown[] }, steps: number) {
  const panel = await extension.openPage('sidepanel.html?tab=tasks');
  await panel.getByLabel('Import Chrome Recorder JSON').setInputFiles({
    name: 'recording.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(flow, null, 2)),
  });
  await expect(panel.getByTestId('import-result')).toContainText(`Imported “${flow.title}” (${steps} steps).`);
  await panel.close();
}

/** The alternatives Chrome Recorder writes for an element with an id: ARIA name, CSS, XPath, pierce. */
const byIdAndName = (name: string, id: string) => [
  [`aria/${name}`],
  [`#${id}`],
  [`xpath///*[@id="${id}"]`],
  [`pierce/#${id}`],
];

async function runResults(popup: Page): Promise<{ status: string; via?: string }[]> {
  const status = (await sendFromExtensionPage(popup, { type: 'run:status' })) as {
    value: { run: { results: { status: string; via?: string }[] } };
  };
  return status.value.run.results;
}

test('a plain Chrome Recorder recording imported in the side panel fills and saves a contact', async ({
  extension,
  demo,
}) => {
  const viewport = {
    type: 'setViewport',
    width: 1280,
    height: 720,
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    isLandscape: false,
  };
  const firstName = byIdAndName('First name', 'first-name');
  const flow = {
    title: 'Add Grace from Chrome',
    steps: [
      viewport,
      {
        type: 'navigate',
        url: `${demo.url}/contacts/new`,
        assertedEvents: [{ type: 'navigation', url: `${demo.url}/contacts/new`, title: 'New contact' }],
      },
      { type: 'click', target: 'main', selectors: firstName, offsetX: 61, offsetY: 12 },
      { type: 'change', value: 'Grace', selectors: firstName, target: 'main' },
      { type: 'keyDown', target: 'main', key: 'Tab' },
      { type: 'keyUp', key: 'Tab', target: 'main' },
      { type: 'change', value: 'Hopper', selectors: byIdAndName('Last name', 'last-name'), target: 'main' },
      {
        type: 'change',
        value: 'grace@example.test',
        selectors: byIdAndName('Email address', 'f-5b7a'),
        target: 'main',
      },
      // Older Chrome versions add the role to ARIA selectors; that makes this change a pick from the list.
      {
        type: 'change',
        value: 'Globex',
        selectors: [['aria/Company[role="combobox"]'], ['#\\:r4\\:'], ['xpath///*[@id=":r4:"]'], ['pierce/#\\:r4\\:']],
        target: 'main',
      },
      // A textarea, which no selector says: typed into all the same.
      { type: 'change', value: 'Met at the conference.', selectors: byIdAndName('Notes', 'f-402b'), target: 'main' },
      {
        type: 'click',
        target: 'main',
        selectors: [
          ['aria/Save contact'],
          ['#f-1e46 button'],
          ['xpath///*[@id="f-1e46"]/div[8]/button'],
          ['pierce/#f-1e46 button'],
          ['text/Save contact'],
        ],
        offsetX: 52,
        offsetY: 18,
        assertedEvents: [{ type: 'navigation', url: `${demo.url}/contacts`, title: 'Contacts' }],
      },
    ],
  };
  // setViewport and the key-up change nothing a task does; the Tab key-down becomes one press.
  await importRecording(extension, flow, 9);

  const page = await extension.context.newPage();
  await signIn(page, demo);
  const popup = await runFromPopup(extension, page, 'Add Grace from Chrome');
  // Saving the form is a submit: it waits for approval like any recorded one.
  await approveIn(await nextConfirmWindow(extension));
  await expectRunState(popup, 'succeeded');
  await expect(page).toHaveURL(`${demo.url}/contacts`);

  expect(demo.state().contacts.filter((contact) => contact.firstName === 'Grace')).toEqual([
    expect.objectContaining({
      lastName: 'Hopper',
      email: 'grace@example.test',
      company: 'Globex',
      notes: 'Met at the conference.',
    }),
  ]);
  const results = await runResults(popup);
  expect(results.map((result) => result.status)).toEqual(Array(9).fill('done'));
  // The first click had no tag or role to go by: its id and name agreed on one field.
  expect(results[1]?.via).toBe('id');
});

test('an imported recording acts inside a shadow root and in the tab the page opens', async ({ extension, demo }) => {
  const quickNote = [['aria/Quick note'], ['quick-note', '#f-b26b'], ['pierce/#f-b26b']];
  const help = `${demo.url}/help`;
  const flow = {
    title: 'Note and help from Chrome',
    steps: [
      { type: 'navigate', url: `${demo.url}/` },
      { type: 'click', selectors: quickNote, offsetX: 30, offsetY: 12 },
      { type: 'change', value: 'Call the printer vendor', selectors: quickNote },
      { type: 'click', selectors: [['aria/Add'], ['quick-note', 'button'], ['text/Add']], offsetX: 10, offsetY: 10 },
      {
        type: 'click',
        selectors: [['aria/Open help center'], ['div.Page_head__fKYCn > a'], ['text/Open help center']],
        offsetX: 40,
        offsetY: 8,
      },
      { type: 'change', target: help, value: 'export', selectors: byIdAndName('Search help articles', 'f-2f24') },
      {
        type: 'click',
        target: help,
        selectors: [['aria/Search'], ['form[role="search"] > button'], ['text/Search']],
        offsetX: 20,
        offsetY: 10,
      },
    ],
  };
  await importRecording(extension, flow, 7);

  const page = await extension.context.newPage();
  await signIn(page, demo);
  const helpTab = extension.context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/help') });
  const popup = await runFromPopup(extension, page, 'Note and help from Chrome');
  // The note is sent by the widget's own script; the network backstop holds it until approved.
  await approveIn(await nextConfirmWindow(extension));
  await expectRunState(popup, 'succeeded');
  expect(demo.state().quickNotes.filter((note) => note.text === 'Call the printer vendor')).toHaveLength(1);
  await expect(await helpTab).toHaveURL(`${help}?q=export`);
  // The note field's id and name agreed inside the shadow root.
  expect((await runResults(popup))[1]?.via).toBe('id');
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

test('an imported click whose selectors match two look-alikes pauses and asks which one', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts`);
  // Where Chrome Recorder saw the link when the recording was made.
  const row = await page
    .locator('tbody tr')
    .evaluateAll((rows) => rows.findIndex((tr) => tr.textContent?.includes('Dana Scully')) + 1);
  expect(row).toBeGreaterThan(0);
  const flow = {
    title: 'Open Dana from Chrome',
    steps: [
      { type: 'navigate', url: `${demo.url}/contacts` },
      {
        type: 'click',
        target: 'main',
        selectors: [
          ['aria/Edit Dana Scully'],
          [`tr:nth-of-type(${row}) a`],
          [`xpath///*[@id="main"]/table/tbody/tr[${row}]/td[5]/div/a`],
          [`pierce/tr:nth-of-type(${row}) a`],
          ['text/Edit Dana Scully'],
        ],
        offsetX: 20,
        offsetY: 10,
      },
    ],
  };
  await importRecording(extension, flow, 2);
  // A second Dana Scully joins the list right after the first: name and text now fit both.
  const second = await addContact(page, demo, 'dana.two@example.test');

  const popup = await runFromPopup(extension, page, 'Open Dana from Chrome');
  await expectRunState(popup, 'paused');
  await expect(popup.getByTestId('run-headline')).toHaveText('Which element did you mean?');
  const choice = popup.getByTestId('run-choice');
  await expect(choice.getByRole('button', { name: /^Pick \d/ })).toHaveCount(2);
  // Nothing was clicked while asking: the list is still shown, the look-alikes outlined.
  await expect(page).toHaveURL(`${demo.url}/contacts`);
  await expect(page.locator('understudy-highlight')).toBeAttached();

  await choice.getByRole('button', { name: /^Pick 2/ }).click();
  await expectRunState(popup, 'succeeded');
  await expect(page).toHaveURL(`${demo.url}/contacts/${second}/edit`);
  expect((await runResults(popup))[1]?.via).toBe('user');
});

test('steps a Chrome recording places in frame [0] and frame [1] run in those frames, cross-origin included', async ({
  extension,
  demo,
}) => {
  test.setTimeout(120_000);
  await allowOrigin(extension, demo.crossOriginUrl);
  await importRecording(
    extension,
    {
      title: 'Framed settings',
      steps: [
        {
          type: 'setViewport',
          width: 1280,
          height: 800,
          deviceScaleFactor: 1,
          isMobile: false,
          hasTouch: false,
          isLandscape: false,
        },
        { type: 'navigate', url: `${demo.url}/settings` },
        // Frame 0: the same-origin notification preferences; frame 1: the cross-origin chat widget.
        {
          type: 'click',
          frame: [0],
          selectors: [['aria/Email me when a contact is added'], ['input[name="contactAdded"]']],
          offsetX: 5,
          offsetY: 5,
        },
        {
          type: 'click',
          frame: [0],
          selectors: [['aria/Save notifications'], ['form button[type="submit"]']],
          offsetX: 5,
          offsetY: 5,
        },
        {
          type: 'change',
          frame: [1],
          value: 'ops-alerts',
          selectors: [['aria/Channel name'], ['input[name="channel"]']],
        },
        {
          type: 'click',
          frame: [1],
          selectors: [['aria/Connect channel'], ['form button[type="submit"]']],
          offsetX: 5,
          offsetY: 5,
        },
      ],
    },
    5, // setViewport is not a step of ours
  );
  const page = await extension.context.newPage();
  await signIn(page, demo);
  expect(demo.state().settings.notifications.contactAdded).toBe(true);
  const approved = new Set<string>();
  extension.context.on('page', (window) => {
    if (!window.url().includes('/confirm.html?approval=')) return;
    const id = new URL(window.url()).searchParams.get('approval') ?? '';
    if (approved.has(id)) return;
    approved.add(id);
    void approveIn(window);
  });
  const popup = await runFromPopup(extension, page, 'Framed settings');
  await expectRunState(popup, 'succeeded');
  expect(demo.state().settings.notifications.contactAdded).toBe(false);
  expect(demo.state().widget.connectedChannels).toContain('ops-alerts');
  // Saving the preferences and connecting the channel both send data: each was asked about.
  expect(approved.size).toBe(2);
});
