import http from "node:http";

// Next offers no hook before its router, so code that must see or answer a request first wraps the
// 'request' event of every http.Server in the process (installed from instrumentation.ts, before
// the first request). Each wrap captures the emit installed before it: the last one installed runs
// first, and `pass` hands the request on to the one before.

export type RequestHook = (request: http.IncomingMessage, response: http.ServerResponse, pass: () => void) => void;

/** Puts `hook` in front of every http.Server's requests; it answers the request or calls `pass`. */
export function interceptRequests(hook: RequestHook): void {
  const emit = http.Server.prototype.emit;
  const wrapped = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    hook(request, response, () => void emit.apply(this, [event, request, response] as unknown as Parameters<typeof emit>));
    return true;
  };
  http.Server.prototype.emit = wrapped as typeof http.Server.prototype.emit;
}
