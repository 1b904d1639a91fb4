/** The restore signal between tabs, over Node's own BroadcastChannel (the same API the browser has). */
import { describe, expect, it } from 'vitest';
import { announceRestore, onRestoreElsewhere } from './restore-signal';

describe('a restore in one tab', () => {
  it('is heard by the others, not by the tab that announced it', async () => {
    const heard: string[] = [];
    const mine: string[] = [];
    const stop = onRestoreElsewhere((at) => heard.push(at), 'tab-b');
    const stopMine = onRestoreElsewhere((at) => mine.push(at), 'tab-a');
    announceRestore(new Date('2026-12-07T10:00:00.000Z'), 'tab-a');
    await expect.poll(() => heard).toEqual(['2026-12-07T10:00:00.000Z']);
    expect(mine).toEqual([]);
    stop();
    stopMine();
    announceRestore(new Date(), 'tab-a');
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toHaveLength(1);
  });

  it('ignores other messages on the channel', async () => {
    const heard: string[] = [];
    const stop = onRestoreElsewhere((at) => heard.push(at), 'tab-b');
    const other = new BroadcastChannel('sous-backup');
    other.postMessage({ kind: 'something else' });
    other.postMessage('restored');
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([]);
    other.close();
    stop();
  });
});
