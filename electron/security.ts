// Hardening: the renderer is treated as untrusted. Isolated and sandboxed, no Node, a strict CSP, no navigation
// away from the app, no new windows or webviews, no permissions, and IPC accepted only from the app's own frame.
import type { App, IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';
import { originOf } from './identity';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Only the app's own files: no remote anything, no eval, no inline scripts or styles, no plugins, no framing, no form
 * posts. Sent as a header on every app:// response, on top of the same policy in renderer/index.html's meta tag.
 * (React's `style` prop goes through the CSSOM, which style-src does not restrict.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The Vite dev server injects CSS as <style> elements and talks to its HMR socket; used only with VITE_DEV_SERVER_URL. */
export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

/** Applies the CSP to responses the protocol handler does not serve (the dev server). */
export function applyCspHeader(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

/** No camera, microphone, notifications, geolocation, clipboard-read… The app needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Every web contents ever created: navigation only within the app's origin, no new windows, no webviews. */
export function guardWebContents(app: App, trustedOrigin: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (originOf(url) !== trustedOrigin) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (originOf(url) !== trustedOrigin) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * An IPC message is honoured only when it comes from the top frame of one of our windows, showing our origin.
 * A stray iframe, a navigated-away page or another web contents gets nothing.
 */
export function createSenderCheck(trustedOrigin: string, trustedWebContentsIds: () => readonly number[]) {
  return (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!trustedWebContentsIds().includes(event.sender.id)) return false;
    return originOf(frame.url) === trustedOrigin;
  };
}

export type SenderCheck = ReturnType<typeof createSenderCheck>;
