// Two ends of one in-memory change channel, standing for two windows' BroadcastChannels: what one end posts, the other
// hears later (a structured copy), as a BroadcastChannel does. An end can hold what it hears until released, so a test
// decides exactly when the other window learns of a save.
import type { ChangeChannel } from '../../../renderer/db/repository';

export interface TestChannel extends ChangeChannel {
  /** hold what arrives until release() */
  hold(): void;
  /** hand over what was held, and hear at once again */
  release(): void;
}

export function channelPair(): [TestChannel, TestChannel] {
  const make = () => {
    const listeners = new Set<(e: MessageEvent) => void>();
    const held: unknown[] = [];
    let holding = false;
    const hear = (data: unknown) => listeners.forEach((l) => l({ data: structuredClone(data) } as MessageEvent));
    const end = {
      peer: null as null | { receive(data: unknown): void },
      receive(data: unknown) {
        setTimeout(() => (holding ? held.push(data) : hear(data)), 0);
      },
      postMessage(data: unknown) {
        end.peer?.receive(data);
      },
      addEventListener: (_: 'message', l: (e: MessageEvent) => void) => void listeners.add(l),
      removeEventListener: (_: 'message', l: (e: MessageEvent) => void) => void listeners.delete(l),
      close: () => listeners.clear(),
      hold: () => void (holding = true),
      release: () => {
        holding = false;
        held.splice(0).forEach(hear);
      },
    };
    return end;
  };
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}
