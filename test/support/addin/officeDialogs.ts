/**
 * A fake Office whose Dialog API keeps Office's rule: one dialog per host page. A second
 * displayDialogAsync while one is open fails with 12007; close() frees the place a moment later (it is
 * asynchronous in Office too). The test plays the dialogs' pages: message() and event() reach the
 * handlers of the dialog opened last.
 */
type Handler = (arg: unknown) => void;

export interface FakeDialogOffice {
  /** Every URL Office was asked to open, including refused ones. */
  requested: string[];
  /** The URLs of dialogs that opened. */
  opened: string[];
  /** How many dialogs are open now. */
  openCount(): number;
  /** The page of the latest dialog sends `message` (origin as Office reports it). */
  message(message: string, origin: string): void;
  /** Office reports a dialog event for the latest dialog; 12006 (closed by the user) also closes it. */
  event(code: number): void;
  /** The Office part to give fakeOfficeHost. */
  office: Record<string, unknown>;
}

export const CLOSE_DELAY_MS = 50;

export function oneDialogOffice(extra: Record<string, unknown> = {}): FakeDialogOffice {
  const requested: string[] = [];
  const opened: string[] = [];
  let open = 0;
  let latest: Record<string, Handler> = {};
  let closeLatest: () => void = () => undefined;
  const displayDialogAsync = (url: string, _options: unknown, callback: (result: unknown) => void) => {
    requested.push(url);
    if (open > 0) {
      callback({ status: "failed", error: { code: 12007, message: "A dialog is already opened." } });
      return;
    }
    open += 1;
    opened.push(url);
    const handlers: Record<string, Handler> = {};
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      setTimeout(() => (open -= 1), CLOSE_DELAY_MS);
    };
    latest = handlers;
    closeLatest = close;
    callback({
      status: "succeeded",
      value: {
        addEventHandler: (type: string, handler: Handler) => (handlers[type] = handler),
        close,
      },
    });
  };
  return {
    requested,
    opened,
    openCount: () => open,
    message: (message, origin) => latest.message?.({ message, origin }),
    event: (code) => {
      if (code === 12006) closeLatest(); // the user closed it: gone without close()
      latest.event?.({ error: code });
    },
    office: {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "message", DialogEventReceived: "event" },
      context: { ui: { displayDialogAsync }, host: "Excel" },
      ...extra,
    },
  };
}
