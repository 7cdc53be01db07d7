/** The audit log: what happened is logged encrypted in a hash chain, and tampering is reported. */
import { allowOrigin, expect, setUpVault, test } from './fixtures';
import { recordOpenDana, runFromPopup } from './helpers';

test('the audit log lists what happened, verifies, and reports an entry edited in IndexedDB', async ({
  extension,
  demo,
}) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
  const page = await recordOpenDana(extension, demo);
  await page.goto(`${demo.url}/`);
  const popup = await runFromPopup(extension, page, 'Open Dana');
  await expect(popup.getByTestId('run-progress')).toHaveAttribute('data-state', 'succeeded');

  const panel = await extension.openPage('sidepanel.html?tab=audit');
  const entries = panel.getByTestId('audit-entries').getByRole('listitem');
  const kinds = async () => entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  // Newest first: the run and its steps, the recording, the allow-list change.
  await expect
    .poll(kinds)
    .toEqual(['run-end', 'step', 'step', 'run-start', 'record-stop', 'record-start', 'allowlist-add']);
  await expect(panel.getByTestId('audit-entries')).toContainText(`Allowed ${demo.url}`);
  await expect(panel.getByTestId('audit-verification')).toHaveAttribute('data-ok', 'true');
  await expect(panel.getByTestId('audit-verification')).toContainText('The log is intact: 7 entries');

  // Someone with access to the profile flips one byte of the third entry's ciphertext.
  const edited = await panel.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('understudy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const rows = store.index('seq').getAll();
          rows.onsuccess = () => {
            const row = rows.result[2] as { ciphertext: Uint8Array };
            const index = row.ciphertext.length - 20;
            row.ciphertext[index] = (row.ciphertext[index] as number) ^ 1;
            store.put(row);
          };
          tx.oncomplete = () => resolve(true);
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  expect(edited).toBe(true);
  await panel.getByRole('button', { name: 'Verify the log' }).click();
  const verification = panel.getByTestId('audit-verification');
  await expect(verification).toHaveAttribute('data-ok', 'false');
  await expect(verification).toContainText('The log has been tampered with.');
  await expect(verification).toContainText('1 entry was altered and could not be read.');
  // Read again later, the altered entry (now quarantined) still shows as a gap in the chain.
  await panel.getByRole('button', { name: 'Verify the log' }).click();
  await expect(verification).toContainText('Entries 3–3 are missing.');
});
