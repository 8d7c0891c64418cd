// Minimal cookie parsing and Set-Cookie serialization (RFC 6265), and the jar the tRPC context exposes so
// procedures can read and set cookies without touching the Node request or response.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax';
  secure?: boolean;
  path?: string;
}

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
  clear(name: string, options: CookieOptions): void;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    // The first occurrence wins, as in browsers' ordering (most specific path first).
    if (name && !cookies.has(name)) {
      try {
        cookies.set(name, decodeURIComponent(value));
      } catch {
        cookies.set(name, value);
      }
    }
  }
  return cookies;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  parts.push(`Path=${options.path ?? '/'}`);
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
    parts.push(`Expires=${new Date(Date.now() + options.maxAgeSeconds * 1000).toUTCString()}`);
  }
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.sameSite) parts.push(`SameSite=${options.sameSite}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A jar over a real request and response: Set-Cookie headers are appended, never overwritten. */
export function httpCookieJar(req: IncomingMessage, res: ServerResponse): CookieJar {
  const incoming = parseCookies(req.headers.cookie);
  const append = (header: string) => {
    const prev = res.getHeader('Set-Cookie');
    const list = prev === undefined ? [] : Array.isArray(prev) ? prev : [String(prev)];
    res.setHeader('Set-Cookie', [...list, header]);
  };
  return {
    get: (name) => incoming.get(name),
    set: (name, value, options) => append(serializeCookie(name, value, options)),
    clear: (name, options) => append(serializeCookie(name, '', { ...options, maxAgeSeconds: 0 })),
  };
}

/** A jar for tests and createCaller: remembers what was set so assertions can read the headers. */
export function memoryCookieJar(initial: Record<string, string> = {}): CookieJar & { setCookieHeaders: string[] } {
  const values = new Map(Object.entries(initial));
  const setCookieHeaders: string[] = [];
  return {
    setCookieHeaders,
    get: (name) => values.get(name),
    set: (name, value, options) => {
      values.set(name, value);
      setCookieHeaders.push(serializeCookie(name, value, options));
    },
    clear: (name, options) => {
      values.delete(name);
      setCookieHeaders.push(serializeCookie(name, '', { ...options, maxAgeSeconds: 0 }));
    },
  };
}
