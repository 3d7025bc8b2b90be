import type { Channel, EventName } from './channels';
import type { EventMap, InputOf, OutputOf } from './contract';
import type { Result } from './errors';

/** What the preload exposes as `window.rm` (and the browser harness installs). */
export interface RmBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): () => void;
}
