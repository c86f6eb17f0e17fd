// Which frame may call main: only our window's main frame, showing our own page. A subframe, a
// navigated-away page or another window is refused, whatever it sends.

export interface Sender {
  /** The sender is the main frame of our window's webContents (identity checked by the adapter). */
  isOurMainFrame: boolean;
  /** The sender frame's URL; null when the frame is gone. */
  url: string | null;
}

/** Same page = same scheme, host and path; the query and hash may differ (client-side routing). */
export function isSameAppPage(url: string, appUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(appUrl);
  } catch {
    return false;
  }
  return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
}

export function isTrustedSender(sender: Sender, appUrl: string): boolean {
  return sender.isOurMainFrame && sender.url !== null && isSameAppPage(sender.url, appUrl);
}
