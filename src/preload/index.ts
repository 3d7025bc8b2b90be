import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEvent } from '../shared/channels';
import { decodeResult } from '../shared/wire';

// The renderer's only door: window.rm.invoke / window.rm.on, for contract names only.
contextBridge.exposeInMainWorld('rm', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    return ipcRenderer.invoke('rm:invoke', channel, input).then(decodeResult);
  },
  on(event: string, cb: (payload: unknown) => void): () => void {
    if (!isEvent(event)) return () => undefined;
    const listener = (_e: IpcRendererEvent, msg: { event: string; payload: unknown }) => {
      if (msg.event === event) cb(msg.payload);
    };
    ipcRenderer.on('rm:event', listener);
    return () => ipcRenderer.removeListener('rm:event', listener);
  },
});
