/** The little of restify 11 the server uses (@types/restify is not installed). */
declare module 'restify' {
  import type { IncomingHttpHeaders, IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

  export interface Request extends IncomingMessage {
    headers: IncomingHttpHeaders;
    body?: Record<string, unknown>;
  }

  export interface Response extends ServerResponse {
    status(code: number): number;
    send(code?: unknown, body?: unknown): void;
    header(name: string, value: unknown): unknown;
    json(code: number, body: unknown): void;
  }

  /** restify 11 handlers either return a promise or call next, never both. */
  export type Handler = (req: Request, res: Response) => Promise<void>;
  export type Next = (err?: unknown) => void;
  export type Middleware = (req: Request, res: Response, next: Next) => void;

  export interface Server {
    readonly server: HttpServer;
    use(...handlers: Middleware[]): Server;
    pre(...handlers: Middleware[]): Server;
    get(path: string, ...handlers: Handler[]): unknown;
    post(path: string, ...handlers: Handler[]): unknown;
    listen(port: number, host: string, callback: () => void): unknown;
    close(callback?: () => void): unknown;
    on(event: string, listener: (...args: unknown[]) => void): Server;
  }

  export interface ServerOptions {
    name?: string;
    handleUncaughtExceptions?: boolean;
  }

  export function createServer(options?: ServerOptions): Server;

  export const plugins: {
    bodyParser(options?: { maxBodySize?: number; mapParams?: boolean; rejectUnknown?: boolean }): Middleware[];
    jsonBodyParser(options?: { mapParams?: boolean; maxBodySize?: number }): Middleware[];
  };

  const restify: { createServer: typeof createServer; plugins: typeof plugins };
  export default restify;
}
