import { type TabMessage } from '../tab-messages';

/** The module as a browser without BroadcastChannel loads it: messages go through storage events. */
async function withoutBroadcastChannel() {
  vi.stubGlobal('BroadcastChannel', undefined);
  vi.resetModules();
  return import('../tab-messages');
}

describe('messages between tabs without BroadcastChannel', () => {
  it('are heard through storage events and leave nothing stored', async () => {
    const { hearOtherTabs, tellOtherTabs } = await withoutBroadcastChannel();
    const heard: TabMessage[] = [];
    const stop = hearOtherTabs((message) => heard.push(message));
    const setItem = vi.spyOn(Storage.prototype, 'setItem');

    tellOtherTabs({ type: 'signed-out', reason: 'signed-out' });
    const written = setItem.mock.calls.map(([, value]) => value);
    // The other tab's browser fires the storage event with what this tab wrote.
    window.dispatchEvent(new StorageEvent('storage', { key: 'trustwork.tabs', newValue: written[0] }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'trustwork.tabs', newValue: '{"type":"something else"}' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'unrelated', newValue: written[0] }));

    expect(heard).toEqual([expect.objectContaining({ type: 'signed-out', reason: 'signed-out' })]);
    expect(window.localStorage.length).toBe(0);
    stop();
  });
});
