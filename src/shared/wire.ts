// A channel's result crosses from the core worker to the window as UTF-8 JSON bytes. The worker
// transfers the buffer (no copy) and Electron's main thread forwards it unread: a 1,000-row page
// or a 100,000-client summary is never rebuilt as objects on the thread that keeps the window
// answering, so it allocates nothing there for its collector to stop for. The preload decodes.

/** The worker's side: one buffer, transferable. Results are JSON data by contract (no Date, Map or binary). */
export function encodeResult(result: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(result));
}

/** The preload's side. Replies the main thread builds itself (refusals, printing) arrive as objects and pass through. */
export function decodeResult(reply: unknown): unknown {
  return reply instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(reply)) : reply;
}
