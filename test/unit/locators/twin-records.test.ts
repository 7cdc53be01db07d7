/**
 * Records alike in all but a word (the same post queued for Instagram and for Facebook): no word of the
 * recorded one's surroundings is its alone, so the recording notes how it differs from its near twin,
 * and replay never takes the twin for it.
 */
import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget, type TargetDescriptor } from '@/lib/locators';

interface Post {
  channel: string;
  caption: string;
  when: string;
}

function queue(posts: readonly Post[]): string {
  return `<main><h1>Approvals</h1><div id="queue">${posts
    .map(
      (post) => `<article class="card"><p>Acme Coffee · ${post.channel}</p><p>Scheduled ${post.when}</p>
<p>Submitted by Maya Chen · 2h ago</p><p>${post.caption}</p>
<div class="actions"><button type="button">Request changes</button> <button type="button">Approve</button></div></article>`,
    )
    .join('')}</div></main>`;
}

const instagram: Post = {
  channel: 'Instagram',
  caption: 'Black Friday countdown: 3 days left!',
  when: 'Tue, Nov 26 · 9:00 AM',
};
const facebook: Post = { ...instagram, channel: 'Facebook' };
const other: Post = {
  channel: 'Instagram',
  caption: 'New single origin from Huila is here.',
  when: 'Wed, Nov 27 · 8:00 AM',
};

function recordApprove(posts: readonly Post[], index: number): TargetDescriptor {
  document.body.innerHTML = queue(posts);
  return describeElement(document.querySelectorAll('article')[index]?.querySelectorAll('button')[1] as Element);
}

function resolveOn(posts: readonly Post[], target: TargetDescriptor) {
  document.body.innerHTML = queue(posts);
  return resolveTarget(document, target);
}

describe('a record with a near twin', () => {
  it('is recorded with the words that tell it from the twin', () => {
    const target = recordApprove([other, instagram, facebook], 1);
    expect(target.fingerprint.distinct).toBeUndefined();
    expect(target.fingerprint.twin).toEqual({ own: ['instagram'], theirs: ['facebook'] });
  });

  it('is not mistaken for its twin once it left the list', () => {
    const target = recordApprove([other, instagram, facebook], 1);
    expect(resolveOn([other, facebook], target).status).not.toBe('found');
  });

  it('is still found itself when the list was re-sorted', () => {
    const target = recordApprove([other, instagram, facebook], 1);
    const result = resolveOn([facebook, other, instagram], target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('article')?.textContent).toContain('Instagram');
  });
});

describe('a record with a near twin and a new look-alike', () => {
  const gift = ([date, donor]: readonly [string, string]) =>
    `<tr><td>${date} 2025</td><td>${donor}</td><td>Monthly</td><td>$250.00</td><td>Winter Coat Drive</td><td>Succeeded</td><td><button type="button">Receipt</button> <button type="button">Refund</button></td></tr>`;
  const table = (gifts: readonly (readonly [string, string])[]) =>
    `<main><h1>Online donations</h1><table><tbody>${gifts.map(gift).join('')}</tbody></table></main>`;
  const other = ['3 Mar', 'Daniel Park'] as const;

  it('takes neither the twin nor the new record for the refunded one', () => {
    document.body.innerHTML = table([['12 Mar', 'Margaret Osei'], ['12 Feb', 'Margaret Osei'], other]);
    const target = describeElement(document.querySelectorAll('tr')[0]?.querySelectorAll('button')[1] as Element);
    expect(target.fingerprint.twin).toEqual({ own: ['mar'], theirs: ['feb'] });
    document.body.innerHTML = table([['12 Apr', 'Margaret Osei'], ['12 Feb', 'Margaret Osei'], other]);
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});
