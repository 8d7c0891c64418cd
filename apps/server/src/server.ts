// One HTTP server on one port: /trpc (the API), POST /api/import (uploads), GET /healthz, and the built web
// app for everything else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { KizunaDb } from '@kizuna/db';
import { appRouter } from './appRouter';
import { getEnv } from './env';
import { createAppServices, createRequestContext, type AppServices } from './context';
import { createUploadHandler, type UploadOptions } from './features/data/upload';
import { createMatrixExportHandler } from './features/matrix/export';
import { isSameOriginRequest, sendError, sendJson } from './http/respond';
import { setSecurityHeaders } from './http/securityHeaders';
import { createStaticHandler } from './http/static';

export interface CreateAppOptions {
  db: KizunaDb;
  /**
   * Directory of the built web app; omitted → KIZUNA_WEB_DIST (default apps/web/dist); null, or a folder
   * without index.html → non-API paths answer 404 with a hint.
   */
  webDist?: string | null;
  /** Shared services; tests pass their own to look into the import jobs or the login limiter. */
  services?: AppServices;
  upload?: UploadOptions;
  log?: (message: string) => void;
}

export function createApp(options: CreateAppOptions): http.Server {
  const services = options.services ?? createAppServices(options.db);
  const log = options.log ?? ((message: string) => console.error(message));
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Long inputs (a campaign draft, a large rule) would overflow a GET URL: the client sends queries as POST.
    allowMethodOverride: true,
    createContext: ({ req, res }) => createRequestContext(services, req, res),
    // Lets any HTTP client honour a login lockout without reading the tRPC error body.
    responseMeta: ({ data }) => {
      const waits = data.flatMap((r) => ('error' in r && r.error.data.retryAfterSeconds ? [r.error.data.retryAfterSeconds] : []));
      return waits.length > 0 ? { headers: { 'Retry-After': String(Math.max(...waits)) } } : {};
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`tRPC ${path ?? '?'} failed: ${error.cause?.stack ?? error.stack ?? error.message}`);
    },
  });
  const upload = createUploadHandler(services, options.upload);
  const matrixExport = createMatrixExportHandler(services, log);
  const statics = createStaticHandler(options.webDist === undefined ? getEnv().KIZUNA_WEB_DIST : options.webDist);

  return http.createServer((req, res) => {
    setSecurityHeaders(res);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/healthz') {
      void health(services.db, res);
    } else if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
      // SameSite=Strict already keeps the cookie off cross-site requests; refusing them outright also
      // covers browsers and proxies that get SameSite wrong.
      if (req.method === 'POST' && !isSameOriginRequest(req)) sendError(res, 403, 'FORBIDDEN', 'Cross-site requests are refused');
      else trpc(req, res);
    } else if (pathname === '/api/import') {
      upload(req, res).catch((err: unknown) => {
        log(`upload failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        else res.destroy();
      });
    } else if (pathname === '/api/export/matrix-cell') {
      void matrixExport(req, res);
    } else if (pathname.startsWith('/api/')) {
      sendError(res, 404, 'NOT_FOUND', 'No such API route');
    } else {
      statics(req, res);
    }
  });
}

async function health(db: KizunaDb, res: http.ServerResponse): Promise<void> {
  try {
    await db.reader.selectFrom('settings').select('key').limit(1).execute();
    sendJson(res, 200, { status: 'ok', database: db.dialect });
  } catch (err) {
    sendJson(res, 503, { status: 'error', database: db.dialect, message: err instanceof Error ? err.message : String(err) });
  }
}

export interface StartServerOptions extends CreateAppOptions {
  port: number;
  host: string;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** Starts listening (port 0 picks a free one) and resolves with the URL; close() stops accepting and ends open connections. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const server = createApp(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  // A wildcard address is not something a browser can open; point at this machine instead.
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
