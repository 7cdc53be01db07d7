import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from '@/lib/crypto/bytes';
import { type Artifact, artifactId, deleteArtifacts, readArtifacts, storeArtifact } from '@/lib/run/artifact';
import { openUnderstudyDb } from '@/lib/store/db';
import { VaultSession } from '@/lib/store/session';
import { wipeVault } from '@/lib/store/vault';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
const RUN = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);

const db = openUnderstudyDb(`artifact-store-test-${crypto.randomUUID()}`);
let session: VaultSession;

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  session = new VaultSession(db, randomBytes(32), 1, null);
});
afterAll(() => db.delete());

function artifact(runId: string, stepIndex: number): Artifact {
  return {
    version: 1,
    runId,
    stepIndex,
    capturedAt: 1_700_000_000_000,
    screenshot: PNG,
    domExcerpt: `<form aria-label="Pay invoice ${stepIndex}"><input type="password" value="••••••"></form>`,
    maskedCount: 1,
  };
}

describe('failure artifacts at rest', () => {
  it('stores each artifact sealed under run.step, with no plaintext image or page code', async () => {
    expect(await storeArtifact(session, artifact(RUN, 2))).toBe(true);
    const row = await db.artifacts.get(artifactId(RUN, 2));
    expect(Object.keys(row ?? {}).sort()).toEqual(['ciphertext', 'createdAt', 'id']);
    const raw = new TextDecoder('latin1').decode(row?.ciphertext);
    for (const plain of ['data:image', 'iVBORw0KGgo', 'Pay invoice', 'password']) expect(raw).not.toContain(plain);
  });

  it('reads back a run’s artifacts only, in step order', async () => {
    for (const [runId, step] of [
      [RUN, 5],
      [RUN, 1],
      [OTHER, 1],
    ] as const) {
      await storeArtifact(session, artifact(runId, step));
    }
    const read = await readArtifacts(db, session, RUN);
    expect(read.ok && read.value.map((view) => view.stepIndex)).toEqual([1, 5]);
    expect(read.ok && read.value[0]).toEqual({
      stepIndex: 1,
      capturedAt: 1_700_000_000_000,
      screenshot: PNG,
      domExcerpt: artifact(RUN, 1).domExcerpt,
      maskedCount: 1,
    });
  });

  it('refuses an artifact moved to another run’s id (quarantined, not shown)', async () => {
    await storeArtifact(session, artifact(RUN, 1));
    const row = await db.artifacts.get(artifactId(RUN, 1));
    if (!row) throw new Error('not stored');
    await db.artifacts.put({ ...row, id: artifactId(OTHER, 1) });
    const read = await readArtifacts(db, session, OTHER);
    expect(read.ok && read.value).toEqual([]);
    expect(await db.quarantine.count()).toBe(1);
  });

  it('deletes a run’s artifacts with it, and only that run’s', async () => {
    const shortRun = 'c'.repeat(31);
    await storeArtifact(session, artifact(RUN, 1));
    await storeArtifact(session, artifact(RUN, 12));
    await storeArtifact(session, artifact(OTHER, 1));
    await storeArtifact(session, { ...artifact(`${shortRun}d`, 1) });
    expect(await deleteArtifacts(db, [RUN, shortRun])).toBe(2);
    expect((await db.artifacts.toCollection().primaryKeys()).sort()).toEqual(
      [artifactId(OTHER, 1), artifactId(`${shortRun}d`, 1)].sort(),
    );
  });

  it('is cleared by "delete everything"', async () => {
    await storeArtifact(session, artifact(RUN, 1));
    await wipeVault(db);
    expect(await db.artifacts.count()).toBe(0);
  });
});
