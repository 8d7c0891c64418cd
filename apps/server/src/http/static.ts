// Serves the built web app: hashed assets cached for a year, index.html never cached, and every unknown
// path answered with index.html so client-side routes survive a reload.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { sendError } from './respond';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createStaticHandler(webDist: string | null | undefined): RequestHandler {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    return (_req, res) =>
      sendError(res, 404, 'NOT_FOUND', 'The web app is not built: run `npm run build` (or `npm run dev` while developing)');
  }
  const serve = sirv(webDist, {
    single: true,
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      const immutable = pathname.startsWith('/assets/');
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'METHOD_NOT_SUPPORTED', 'Use GET');
    }
    serve(req, res, () => sendError(res, 404, 'NOT_FOUND', 'Not found'));
  };
}
