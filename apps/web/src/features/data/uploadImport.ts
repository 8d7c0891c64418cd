// POST /api/import with XMLHttpRequest (fetch cannot report upload progress), and the reading of its answer.
import type { ImportFile } from './importTypes';
import { importFiles } from './importTypes';

/** An upload the server refused; `data.code` uses the tRPC code names so the UI explains it like any API error. */
export class UploadError extends Error {
  readonly data: { code: string; httpStatus: number };
  constructor(message: string, httpStatus: number, code?: string) {
    super(message);
    this.name = 'UploadError';
    this.data = { code: code ?? codeOfStatus(httpStatus), httpStatus };
  }
}

function codeOfStatus(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

/** The server answers refusals with `{ error: { code, message } }`; other shapes are tolerated. */
function codeOf(body: unknown): string | undefined {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as Record<string, unknown>).code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string') return record.message;
  const error = record.error;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as Record<string, unknown>).message === 'string') {
    return (error as Record<string, string>).message ?? null;
  }
  return null;
}

/** The import id from a 2xx answer, or the UploadError to reject with. */
export function parseUploadResponse(status: number, text: string): { importId: string } | UploadError {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, say; the status still tells what happened.
  }
  if (status >= 200 && status < 300) {
    const id = (body as { importId?: unknown } | null)?.importId;
    if (typeof id === 'string' && id !== '') return { importId: id };
    return new UploadError('The server accepted the upload but sent no import id', status);
  }
  return new UploadError(messageOf(body) ?? `Upload failed (HTTP ${status})`, status, codeOf(body));
}

/** The multipart body: one field per chosen file (named as the contract says), plus strict=true if asked. */
export function buildImportFormData(files: Partial<Record<ImportFile, File>>, strict: boolean): FormData {
  const form = new FormData();
  // Plain fields first so the server knows the mode before the files stream in.
  if (strict) form.append('strict', 'true');
  for (const name of importFiles) {
    const file = files[name];
    if (file) form.append(name, file, file.name);
  }
  return form;
}

export interface UploadHandle {
  promise: Promise<{ importId: string }>;
  abort: () => void;
}

export function uploadImport(body: FormData, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<{ importId: string }>((resolve, reject) => {
    xhr.open('POST', '/api/import');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onload = () => {
      const result = parseUploadResponse(xhr.status, xhr.responseText);
      if (result instanceof UploadError) reject(result);
      else resolve(result);
    };
    // Same shape as a failed fetch, so the UI calls it a network problem.
    xhr.onerror = () => reject(new TypeError('Network error during upload'));
    xhr.onabort = () => reject(new DOMException('Upload canceled', 'AbortError'));
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}
