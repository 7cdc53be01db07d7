import { describe, expect, it } from 'vitest';
import { importRecorderJson } from '@/lib/interop/recorder-json';
import { describeElement } from '@/lib/locators';
import { matchFrame, positionOnly } from '@/lib/run/frames';

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

describe('matchFrame for frame indexes imported from Chrome Recorder', () => {
  const imported = (frame: number[]) => {
    const flow = {
      title: 'Framed',
      steps: [
        { type: 'navigate', url: 'https://crm.example/settings' },
        { type: 'click', frame, selectors: [['#save']], offsetX: 1, offsetY: 1 },
      ],
    };
    const result = importRecorderJson(JSON.stringify(flow));
    if (!result.ok) throw new Error(result.error.message);
    const step = result.value.task.steps[1];
    return step?.frame ?? [];
  };
  const frames = [
    { frameId: 0, documentId: 'd0', origin: 'o', path: [], positions: [] },
    { frameId: 5, documentId: 'd5', origin: 'o', path: [], positions: [0] },
    { frameId: 6, documentId: 'd6', origin: 'x', path: [], positions: [1] },
    { frameId: 8, documentId: 'd8', origin: 'x', path: [], positions: [1, 0] },
  ];

  it('reads the position back from what the importer writes', () => {
    expect(imported([1]).map(positionOnly)).toEqual([1]);
    expect(positionOnly(describeElement(document.body))).toBeNull();
  });

  it('routes by the index path, at every level', () => {
    expect(matchFrame(frames, imported([0]))).toEqual({ status: 'found', frameId: 5, documentId: 'd5' });
    expect(matchFrame(frames, imported([1]))).toEqual({ status: 'found', frameId: 6, documentId: 'd6' });
    expect(matchFrame(frames, imported([1, 0]))).toEqual({ status: 'found', frameId: 8, documentId: 'd8' });
  });

  it('refuses a position no frame has, and frames that report no position', () => {
    expect(matchFrame(frames, imported([2]))).toMatchObject({ status: 'not-found' });
    const unknown = frames.map(({ positions: _positions, ...frame }) => frame);
    expect(matchFrame(unknown, imported([0]))).toMatchObject({ status: 'not-found' });
  });
});
