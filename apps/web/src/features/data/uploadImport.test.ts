import { describe, expect, it } from 'vitest';
import { apiErrorCode, apiErrorMessage } from '../../ui/apiError';
import { buildImportFormData, parseUploadResponse, UploadError } from './uploadImport';

describe('parseUploadResponse', () => {
  it('returns the import id of an accepted upload', () => {
    expect(parseUploadResponse(202, '{"importId":"abc"}')).toEqual({ importId: 'abc' });
    expect(parseUploadResponse(200, '{"importId":"abc","extra":1}')).toEqual({ importId: 'abc' });
  });

  it('treats a success without an id as an error', () => {
    expect(parseUploadResponse(200, '{}')).toBeInstanceOf(UploadError);
    expect(parseUploadResponse(200, 'not json')).toBeInstanceOf(UploadError);
  });

  it('maps refusals to API error codes with the server message', () => {
    const forbidden = parseUploadResponse(403, '{"error":{"code":"FORBIDDEN","message":"Admins only"}}');
    expect(apiErrorCode(forbidden)).toBe('FORBIDDEN');
    expect(apiErrorMessage(forbidden)).toBe('Admins only');

    const conflict = parseUploadResponse(409, '{"message":"An import is already running"}');
    expect(apiErrorCode(conflict)).toBe('CONFLICT');
    expect(apiErrorMessage(conflict)).toBe('An import is already running');

    expect(apiErrorCode(parseUploadResponse(413, ''))).toBe('PAYLOAD_TOO_LARGE');
    expect(apiErrorCode(parseUploadResponse(400, '{"error":"No files"}'))).toBe('BAD_REQUEST');
    expect(apiErrorMessage(parseUploadResponse(400, '{"error":"No files"}'))).toBe('No files');
  });

  it('survives an HTML error page', () => {
    const result = parseUploadResponse(502, '<html>Bad gateway</html>');
    expect(apiErrorCode(result)).toBe('UNKNOWN');
    expect(apiErrorMessage(result)).toBe('Upload failed (HTTP 502)');
  });
});

describe('buildImportFormData', () => {
  const file = (name: string) => new File(['customer_id\nc1\n'], name, { type: 'text/csv' });

  it('sends only the chosen files, under the contract field names', () => {
    const form = buildImportFormData({ orders: file('my-orders.csv'), customers: file('c.csv') }, false);
    expect([...form.keys()]).toEqual(['customers', 'orders']);
    expect((form.get('orders') as File).name).toBe('my-orders.csv');
    expect(form.has('strict')).toBe(false);
  });

  it('adds strict=true before the files when asked', () => {
    const form = buildImportFormData({ products: file('p.csv') }, true);
    expect([...form.keys()]).toEqual(['strict', 'products']);
    expect(form.get('strict')).toBe('true');
  });
});

describe('parseUploadResponse with the server error shape', () => {
  it('prefers the code the server names over the HTTP status', () => {
    const result = parseUploadResponse(400, '{"error":{"code":"CONFLICT","message":"An import is running"}}');
    expect(apiErrorCode(result)).toBe('CONFLICT');
    const tooLarge = parseUploadResponse(413, '{"error":{"code":"PAYLOAD_TOO_LARGE","message":"orders.csv is larger"}}');
    expect(apiErrorCode(tooLarge)).toBe('PAYLOAD_TOO_LARGE');
    expect(apiErrorMessage(tooLarge)).toBe('orders.csv is larger');
  });
});
