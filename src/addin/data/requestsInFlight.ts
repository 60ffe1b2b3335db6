/**
 * The table requests of this runtime that are on their way to the gateway, each with the id it sent as
 * X-EOL-Request-Id, so the task pane can ask the gateway how far a long fan-out has come.
 */
export interface InFlightRequest {
  requestId: string;
  /** The gateway route, e.g. "role-holders". */
  route: string;
  /** When it was sent (ms). */
  startedAt: number;
}

/** A random id the gateway accepts (32 hex digits): unguessable, so unrelated to anything else. */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export class RequestsInFlight {
  private readonly requests = new Map<string, InFlightRequest>();
  private readonly listeners = new Set<() => void>();

  /** Runs `send` with a new request id, listed while it is on its way. */
  async track<T>(route: string, send: (requestId: string) => Promise<T>, now = Date.now()): Promise<T> {
    const requestId = newRequestId();
    this.requests.set(requestId, { requestId, route, startedAt: now });
    this.changed();
    try {
      return await send(requestId);
    } finally {
      this.requests.delete(requestId);
      this.changed();
    }
  }

  /** Oldest first. */
  list(): InFlightRequest[] {
    return [...this.requests.values()];
  }

  has(requestId: string): boolean {
    return this.requests.has(requestId);
  }

  /** Calls `listener` whenever a request starts or ends; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
