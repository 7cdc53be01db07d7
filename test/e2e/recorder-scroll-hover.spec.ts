/**
 * Scroll and hover steps (issue 5) on the demo site's /gallery: pointing at a menu that opens on mouseenter is
 * recorded as a hover step before the item clicked, turning the wheel over a list that loads as it scrolls is
 * recorded as one scroll step before the photo clicked, and a plain click or a scroll the page made itself adds
 * nothing. The recorded task then replays on a fresh page.
 */
import type { Step } from '../../lib/task/schema';
import { allowOrigin, expect, setUpVault, test } from './fixtures';
import { expectRunState, expectStepCount, record, runFromPopup, summary } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

test('records a hover menu and a scrolled list as hover and scroll steps, and replays them', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${demo.url}/gallery`);
  const recording = await record(extension, page);

  // The menu's items only show while the pointer is over it: one hover step, then the click.
  await page.getByRole('button', { name: 'Sort photos' }).hover();
  await page.getByRole('menuitem', { name: 'Oldest first' }).click();
  await expect(page.getByText('Sorted: oldest first.')).toBeVisible();
  await expectStepCount(recording.popup, 3);

  // Photo 20 exists only once the list has been scrolled near its end: wheel until it is in view.
  const photos = page.getByRole('region', { name: 'Photos' });
  const photo20 = page.getByRole('button', { name: 'Favourite Photo 20', exact: true });
  await photos.hover();
  await expect(async () => {
    await page.mouse.wheel(0, 180);
    await expect(photo20).toBeInViewport({ ratio: 1, timeout: 400 });
  }).toPass({ timeout: 20_000 });
  await photo20.click();
  await expect(page.getByText('Favourites: Photo 20.')).toBeVisible();
  await expectStepCount(recording.popup, 5);

  // "Back to top" scrolls the list from a script: a plain click, and the list's scroll is not a step.
  await page.getByRole('button', { name: 'Back to top' }).click();
  await expect(page.getByRole('button', { name: 'Favourite Photo 1', exact: true })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Favourite Photo 1', exact: true }).click();
  await expect(page.getByText('Favourites: Photo 20, Photo 1.')).toBeVisible();
  await expectStepCount(recording.popup, 7);
  const task = await recording.stop('Favourite photos');

  expect(summary(task.steps)).toEqual([
    'navigate',
    'hover:Sort photos',
    'click:Oldest first',
    'scroll:Photos',
    'click:Favourite Photo 20',
    'click:Back to top',
    'click:Favourite Photo 1',
  ]);
  const scroll = task.steps[3] as Extract<Step, { kind: 'scroll' }>;
  expect(scroll.x).toBe(0);
  // Photo 20's row starts at 19 × 60 px; the list shows 240 px of it.
  expect(scroll.y).toBeGreaterThan(19 * 60 - 240);
  expect(task.variables).toEqual([]);
  await recording.popup.close();

  // Replay on a fresh page: the list holds 12 photos again until the scroll step makes it load more.
  await page.goto(`${demo.url}/gallery`);
  await page.mouse.move(5, 5);
  const popup = await runFromPopup(extension, page, 'Favourite photos');
  await expectRunState(popup, 'succeeded');
  await expect(page.getByText('Sorted: oldest first.')).toBeVisible();
  await expect(page.getByText('Favourites: Photo 20, Photo 1.')).toBeVisible();
});
