// Small helpers for the plain HTTP routes (upload, health): JSON bodies and same-origin checks.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * False for a request a browser sent on behalf of another site. Browsers send Sec-Fetch-Site and Origin on
 * every cross-origin POST; clients without them (curl, scripts) carry no ambient cookies to abuse.
 */
export function isSameOriginRequest(req: IncomingMessage): boolean {
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = header(req, 'origin');
  if (origin === undefined) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // includes the opaque origin "null"
  }
  const hosts = [header(req, 'host'), header(req, 'x-forwarded-host')?.split(',')[0]?.trim()];
  return hosts.some((h) => h !== undefined && h.toLowerCase() === originHost.toLowerCase());
}
