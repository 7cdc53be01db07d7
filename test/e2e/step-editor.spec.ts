/**
 * The side panel's step editor (issue 8): reorder steps by dragging their handle (and by keyboard), and edit the
 * locators replay uses to find a step's element. An edited locator is saved, comes back when the editor reopens,
 * and is what the next replay finds the element by.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { allowOrigin, expect, setUpVault, tabIdOf, test } from './fixtures';
import { recordOpenDana } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

async function expectNoBlockingAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}

async function openEditor(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Review Open Dana', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'Review task' })).toBeVisible();
}

test('dragging a step handle reorders steps; Alt+Arrow on the handle moves it back', async ({ extension, demo }) => {
  const page = await recordOpenDana(extension, demo);
  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, page)}`);
  await openEditor(panel);
  const texts = panel.getByTestId('step-list').getByTestId('step-text');
  await expect(texts).toHaveCount(2);
  const first = (await texts.nth(0).textContent()) ?? '';
  const second = (await texts.nth(1).textContent()) ?? '';

  const handle = panel.getByRole('button', { name: 'Reorder step 1: drag, or press Alt+Up or Alt+Down' });
  await expect(handle).toHaveAttribute('draggable', 'true');
  await handle.dragTo(panel.getByTestId('step').nth(1));
  await expect(texts).toHaveText([second, first]);
  await expect(panel.getByRole('button', { name: 'Save changes' })).toBeEnabled();

  // The keyboard way stays: focus follows the moved step.
  const moved = panel.getByRole('button', { name: 'Reorder step 2: drag, or press Alt+Up or Alt+Down' });
  await moved.focus();
  await panel.keyboard.press('Alt+ArrowUp');
  await expect(texts).toHaveText([first, second]);
  await expect(panel.getByRole('button', { name: 'Reorder step 1: drag, or press Alt+Up or Alt+Down' })).toBeFocused();
});

test('an edited locator is checked, saved, reloaded and used by the next replay', async ({ extension, demo }) => {
  test.setTimeout(90_000);
  const page = await recordOpenDana(extension, demo);
  const danaEdit = new URL(page.url()).pathname;
  const selector = `a[href="${danaEdit}"]`;
  await page.goto(`${demo.url}/contacts`);
  const tabId = await tabIdOf(extension, page);
  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${tabId}`);
  await openEditor(panel);

  // Step 1 (open the page) has no element, so no locators; step 2 (the click) has.
  await expect(panel.getByRole('button', { name: /^Locators/ })).toHaveCount(1);
  const disclosure = panel.getByRole('button', { name: /^Locators/ });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.focus();
  await panel.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  const group = panel.getByRole('group', { name: 'Locators of step 2' });
  const rows = group.getByTestId('locator');
  const recorded = await rows.count();
  expect(recorded).toBeGreaterThan(0);

  // Adding: an empty value and a selector that does not parse are refused, nothing changes.
  await group.getByRole('button', { name: 'Add a CSS selector to step 2' }).click();
  const fresh = group.getByRole('textbox', { name: 'New CSS selector (step 2)' });
  await expect(fresh).toBeFocused();
  await group.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(group.getByRole('alert')).toHaveText(/Selector can't be empty/);
  await fresh.fill('a[');
  await fresh.press('Enter');
  await expect(group.getByRole('alert')).toHaveText(/isn’t a valid CSS selector/);
  await expect(fresh).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(recorded);
  await fresh.fill('a.placeholder-for-now');
  await group.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(rows).toHaveCount(recorded + 1);
  await expect(group.getByRole('alert')).toHaveCount(0);

  // An XPath that does not compile is refused too.
  await group.getByRole('button', { name: 'Add an XPath to step 2' }).click();
  const xpath = group.getByRole('textbox', { name: 'New XPath (step 2)' });
  await xpath.fill('//a[');
  await xpath.press('Enter');
  await expect(group.getByRole('alert')).toHaveText(/isn’t a valid XPath/);
  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(recorded + 1);

  // Remove every recorded locator so only the added one is left.
  for (let left = recorded + 1; left > 1; left--) {
    await group.getByRole('button', { name: /^Remove .* locator 1 of step 2$/ }).click();
    await expect(rows).toHaveCount(left - 1);
  }
  await expect(rows.first()).toContainText('CSS selector');
  await expect(rows.first()).toContainText('This is the last locator');

  // Editing in place: an invalid selector is refused and not applied; a valid one is.
  const field = group.getByRole('textbox', { name: 'Selector (CSS selector, step 2)' });
  await field.fill('a[[');
  await field.press('Enter');
  await expect(group.getByRole('alert')).toHaveText(/isn’t a valid CSS selector/);
  await field.fill(selector);
  await field.press('Enter');
  await expect(group.getByRole('alert')).toHaveCount(0);
  await expectNoBlockingAxeViolations(panel);

  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await panel.close();

  // Reopened: the edited locator is what was stored.
  const again = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${tabId}`);
  await openEditor(again);
  await again.getByRole('button', { name: 'Locators (1)' }).click();
  await expect(again.getByRole('textbox', { name: 'Selector (CSS selector, step 2)' })).toHaveValue(selector);
  await again.getByRole('button', { name: 'Back to tasks' }).click();

  // Replay finds the link by that selector.
  await again.getByRole('button', { name: 'Run Open Dana', exact: true }).click();
  await again.getByRole('tab', { name: 'Run' }).click();
  await expect(again.getByTestId('run-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`${danaEdit}$`));
  const steps = again.getByTestId('run-steps').getByRole('listitem');
  await expect(steps.nth(1)).toContainText('(found by css)');
});
