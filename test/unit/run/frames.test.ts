import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators';
import { matchFrame } from '@/lib/run/frames';

function iframeDescriptor(title: string, src: string) {
  document.body.innerHTML = `<main><iframe title="${title}" src="${src}"></iframe></main>`;
  return describeElement(document.querySelector('iframe') as Element);
}

describe('matchFrame', () => {
  const chat = iframeDescriptor('Chat integration', '/widget');
  const prefs = iframeDescriptor('Notification preferences', '/settings/frame');

  it('routes top-frame steps to frame 0 once the top document is known', () => {
    expect(matchFrame([{ frameId: 0, documentId: 'd0', origin: 'o', path: [] }], [])).toEqual({
      status: 'found',
      frameId: 0,
      documentId: 'd0',
    });
    expect(matchFrame([], [])).toMatchObject({ status: 'not-found' });
  });

  it('routes a framed step to the frame whose path matches', () => {
    const frames = [
      { frameId: 0, documentId: 'd0', origin: 'o', path: [] },
      { frameId: 7, documentId: 'd7', origin: 'o', path: [prefs] },
      { frameId: 9, documentId: 'd9', origin: 'x', path: [chat] },
    ];
    expect(matchFrame(frames, [chat])).toEqual({ status: 'found', frameId: 9, documentId: 'd9' });
    expect(matchFrame(frames, [prefs])).toEqual({ status: 'found', frameId: 7, documentId: 'd7' });
  });

  it('refuses when the frame is missing or two frames look the same', () => {
    expect(matchFrame([{ frameId: 0, documentId: null, origin: 'o', path: [] }], [chat])).toMatchObject({
      status: 'not-found',
    });
    const twins = [
      { frameId: 3, documentId: null, origin: 'o', path: [chat] },
      { frameId: 4, documentId: null, origin: 'o', path: [chat] },
    ];
    expect(matchFrame(twins, [chat])).toMatchObject({ status: 'ambiguous' });
  });
});
