import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseInput } from '../shared/validate';
import { CSP } from '../shared/csp';
import { electronNativeBinding } from './native-binding';
import { letCoreCollect } from './worker-host';

// The Electron shell: window, IPC forwarding, OS signals. No business logic here.
const here = dirname(fileURLToPath(import.meta.url));
let win: BrowserWindow | null = null;
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();

function startCore(): Worker {
  letCoreCollect();
  const w = new Worker(join(here, 'worker.js'), {
    workerData: {
      workspaceDir: join(app.getPath('userData'), 'workspace'),
      migrationsDir: join(here, 'migrations'),
      nativeBinding: electronNativeBinding(app.getAppPath()),
    },
  });
  w.on('message', (msg: { kind: string; id?: number; result?: unknown; event?: string; payload?: unknown }) => {
    if (msg.kind === 'result' && msg.id !== undefined) {
      // The reply's JSON bytes (shared/wire.ts), handed to the window unread.
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else if (msg.kind === 'event') {
      if (msg.event === 'reminders.due') notify(msg.payload as { title: string; body: string });
      win?.webContents.send('rm:event', { event: msg.event, payload: msg.payload });
    } else if (msg.kind === 'closed') {
      workerClosed?.();
    }
  });
  w.on('error', (e) => {
    dialog.showErrorBox('RM Workbench', `The data engine stopped: ${e.message}\nRun "npm install" again to rebuild the native module.`);
    app.exit(1);
  });
  return w;
}

/** The core words it (no client names while locked); the shell only shows it. */
function notify({ title, body }: { title: string; body: string }): void {
  if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
}

/** Prints the window (the visit brief's print stylesheet shows only the brief) to a PDF the manager places. */
async function printToPdf(fileName: string): Promise<{ ok: true; data: { saved: boolean } }> {
  if (!win) return { ok: true, data: { saved: false } };
  const target = await dialog.showSaveDialog(win, { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (target.canceled || !target.filePath) return { ok: true, data: { saved: false } };
  const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  await writeFile(target.filePath, pdf, { mode: 0o600 });
  return { ok: true, data: { saved: true } };
}

/** Sends one message to the core and resolves with its reply (the JSON bytes, unread). */
function toCore(channel: string, input: unknown): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker?.postMessage({ kind: 'invoke', id, channel, input });
  });
}

/**
 * Backup and restore: the folder is chosen here, in a native dialog, and sent to the core in an
 * internal message the renderer cannot send (it is not in the contract). Cancelled: the core's
 * own answer to the contract channel (nothing written).
 */
async function withChosenFolder(channel: 'backup.create' | 'backup.restore', input: { passphrase: string }): Promise<unknown> {
  const pick = win
    ? await dialog.showOpenDialog(win, { properties: channel === 'backup.create' ? ['openDirectory', 'createDirectory'] : ['openDirectory'] })
    : { canceled: true, filePaths: [] };
  const folder = pick.canceled ? undefined : pick.filePaths[0];
  if (!folder) return toCore(channel, input);
  return channel === 'backup.create'
    ? toCore('backup.createIn', { folder, passphrase: input.passphrase })
    : toCore('backup.restoreFrom', { from: folder, passphrase: input.passphrase });
}

let workerClosed: (() => void) | null = null;

function lockCore(reason: 'suspend' | 'screen-lock' | 'quit'): void {
  worker?.postMessage({ kind: 'lock', reason });
}

function isOwnPage(contents: WebContents): boolean {
  const url = contents.getURL();
  const dev = process.env['ELECTRON_RENDERER_URL'];
  return url.startsWith('file://') || (!!dev && url.startsWith(dev));
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'RM Workbench',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win?.show());
  const dev = process.env['ELECTRON_RENDERER_URL'];
  if (!app.isPackaged && dev) void win.loadURL(dev);
  else void win.loadFile(join(here, '../renderer/index.html'));
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function buildMenu(): void {
  const menu = Menu.buildFromTemplate([
    {
      label: 'RM Workbench',
      submenu: [
        { label: 'Lock 锁定', accelerator: 'CmdOrCtrl+L', click: () => worker?.postMessage({ kind: 'invoke', id: 0, channel: 'workspace.lock', input: {} }) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
  ]);
  Menu.setApplicationMenu(menu);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => win?.focus());
  void app.whenReady().then(() => {
    if (!electronNativeBinding(app.getAppPath()) && !existsSync(join(app.getAppPath(), 'node_modules/better-sqlite3'))) {
      dialog.showErrorBox('RM Workbench', 'better-sqlite3 is not installed. Run "npm install".');
    }
    hardenSessions();
    worker = startCore();
    ipcMain.handle('rm:invoke', (event, channel: unknown, input: unknown) => {
      if (!isOwnPage(event.sender)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
      const parsed = parseInput(channel, input);
      if (!parsed.ok) return parsed;
      if (parsed.data.channel === 'shell.printToPdf') return printToPdf((parsed.data.input as { fileName: string }).fileName);
      if (parsed.data.channel === 'backup.create' || parsed.data.channel === 'backup.restore') {
        return withChosenFolder(parsed.data.channel, parsed.data.input as { passphrase: string });
      }
      return toCore(parsed.data.channel, parsed.data.input);
    });
    powerMonitor.on('suspend', () => lockCore('suspend'));
    powerMonitor.on('lock-screen', () => lockCore('screen-lock'));
    buildMenu();
    createWindow();
  });
  // Quitting locks the workspace first (and, when the bank set a sync folder, exports into it): wait for it, 15 s at most.
  let quitting = false;
  app.on('before-quit', (e) => {
    if (quitting || !worker) return;
    quitting = true;
    e.preventDefault();
    const timeout = setTimeout(() => app.quit(), 15_000);
    workerClosed = () => {
      clearTimeout(timeout);
      app.quit();
    };
    lockCore('quit');
  });
  app.on('window-all-closed', () => app.quit());
}
