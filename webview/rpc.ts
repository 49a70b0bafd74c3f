/**
 * The webview's side of the RPC (src/shared/rpc.ts): `request` posts a request with a fresh id and
 * resolves with the host's answer to that id, or rejects with its error. `call` is for requests
 * whose failure only needs showing: it reports the error and resolves undefined.
 */
import type { HostNotification, RpcArgs, RpcName, RpcRequestMessage, RpcResult } from '../src/shared/rpc.js';

export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(
    private readonly post: (message: RpcRequestMessage) => void,
    /** Failures of `call` requests (the page shows them). */
    private readonly onError: (message: string) => void,
  ) {}

  request<K extends RpcName>(name: K, args: RpcArgs<K>): Promise<RpcResult<K>> {
    const id = this.nextId++;
    return new Promise<RpcResult<K>>((resolve, reject) => {
      // The host answers with a result of K's type: the table says so, and the host is trusted.
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'request', id, name, args } as RpcRequestMessage);
    });
  }

  call<K extends RpcName>(name: K, args: RpcArgs<K>): Promise<RpcResult<K> | undefined> {
    return this.request(name, args).catch((e: unknown) => {
      this.onError(e instanceof Error ? e.message : String(e));
      return undefined;
    });
  }

  /** Requests not answered yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * A message from the host: a response settles its request (true); a notification is returned
   * for the page to handle; anything else is ignored (undefined).
   */
  receive(data: unknown): HostNotification | true | undefined {
    if (typeof data !== 'object' || data === null || !('type' in data) || typeof data.type !== 'string') return undefined;
    // A notification is the host's, which the page trusts as the host trusts the worker.
    if (data.type !== 'response') return data as HostNotification;
    if (!('id' in data) || typeof data.id !== 'number') return undefined;
    const p = this.pending.get(data.id);
    if (!p) return true;
    this.pending.delete(data.id);
    if ('error' in data) p.reject(new Error(String(data.error)));
    else p.resolve('result' in data ? data.result : undefined);
    return true;
  }
}
