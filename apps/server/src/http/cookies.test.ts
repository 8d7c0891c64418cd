import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from './cookies';

describe('cookies', () => {
  it('parses a Cookie header, first occurrence winning, quotes and encoding removed', () => {
    const cookies = parseCookies('a=1; kizuna_session=abc%2Fdef; a=2; q="quoted"; broken; =x');
    expect(Object.fromEntries(cookies)).toEqual({ a: '1', kizuna_session: 'abc/def', q: 'quoted' });
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('serializes the attributes it is given', () => {
    expect(serializeCookie('s', 'v/1', { httpOnly: true, sameSite: 'Strict', secure: true })).toBe('s=v%2F1; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(serializeCookie('s', '', { maxAgeSeconds: 0, path: '/x' })).toMatch(/^s=; Path=\/x; Max-Age=0; Expires=\w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/);
  });
});
