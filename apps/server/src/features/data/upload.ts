// POST /api/import: an admin's multipart upload (file fields customers, orders, events, products; optional
// field strict=true). Files stream to a private temp directory, then the import runs as a background job;
// the response is { importId }, the job id that data.importStatus polls.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { createRequestContext, type AppServices, type SessionUser } from '../../context';
import { isSameOriginRequest, sendError, sendJson } from '../../http/respond';
import { importFileKinds, runImport, type ImportFileKind, type ImportFilePaths } from './service';

export interface UploadOptions {
  /** Largest accepted file, in bytes. */
  maxFileBytes?: number;
  tmpRoot?: string;
}

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createUploadHandler(services: AppServices, options: UploadOptions = {}) {
  const maxFileBytes = options.maxFileBytes ?? 2 * 1024 ** 3;
  const tmpRoot = options.tmpRoot ?? tmpdir();

  return async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'METHOD_NOT_SUPPORTED', 'Use POST');
    }
    if (!isSameOriginRequest(req)) return sendError(res, 403, 'FORBIDDEN', 'Cross-site uploads are refused');
    const ctx = await createRequestContext(services, req, res);
    if (!ctx.user) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in to continue');
    if (ctx.user.role !== 'admin') return sendError(res, 403, 'FORBIDDEN', 'Only admins can import data');
    if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the files as multipart/form-data');
    }

    const jobId = services.imports.create(ctx.user.id);
    const dir = await mkdtemp(join(tmpRoot, 'kizuna-upload-'));
    let received: { paths: ImportFilePaths; strict: boolean };
    try {
      received = await receiveFiles(req, dir, maxFileBytes);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      const message = err instanceof Error ? err.message : String(err);
      services.imports.fail(jobId, message);
      if (err instanceof UploadError) return sendError(res, err.status, err.code, message);
      return sendError(res, 400, 'BAD_REQUEST', `The upload could not be read: ${message}`);
    }

    const user: Pick<SessionUser, 'id' | 'email'> = ctx.user;
    void services.imports.start(jobId, Object.keys(received.paths), async (onProgress) => {
      try {
        return await runImport(services.db, received.paths, {
          strict: received.strict,
          user,
          source: 'upload',
          onProgress,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
    sendJson(res, 202, { importId: jobId });
  };
}

function receiveFiles(req: IncomingMessage, dir: string, maxFileBytes: number): Promise<{ paths: ImportFilePaths; strict: boolean }> {
  return new Promise((resolve, settleWithError) => {
    let parser: busboy.Busboy | undefined;
    const reject = (err: Error) => {
      // Stop parsing and drain whatever the client is still sending, so our error response reaches it.
      if (parser) req.unpipe(parser);
      req.resume();
      settleWithError(err);
    };
    try {
      parser = busboy({ headers: req.headers, limits: { files: importFileKinds.length, fields: 10, fileSize: maxFileBytes } });
    } catch (err) {
      reject(new UploadError(400, 'BAD_REQUEST', err instanceof Error ? err.message : String(err)));
      return;
    }
    const paths: ImportFilePaths = {};
    const writes: Promise<void>[] = [];
    let strict = false;
    let failure: Error | null = null;
    const fail = (err: Error) => {
      failure ??= err;
    };

    parser.on('file', (field, stream) => {
      if (!(importFileKinds as readonly string[]).includes(field) || paths[field as ImportFileKind]) {
        stream.resume();
        fail(new UploadError(400, 'BAD_REQUEST', `Unexpected file field "${field}": use each of ${importFileKinds.join(', ')} at most once`));
        return;
      }
      const path = join(dir, `${field}.csv`);
      paths[field as ImportFileKind] = path;
      stream.on('limit', () => fail(new UploadError(413, 'PAYLOAD_TOO_LARGE', `${field}.csv is larger than ${maxFileBytes} bytes`)));
      writes.push(pipeline(stream, createWriteStream(path, { mode: 0o600 })).catch((err: Error) => fail(err)));
    });
    parser.on('field', (field, value) => {
      if (field === 'strict') strict = value === 'true' || value === '1' || value === 'on';
    });
    parser.on('filesLimit', () => fail(new UploadError(400, 'BAD_REQUEST', 'Too many files')));
    parser.on('error', (err: Error) => reject(failure ?? err));
    parser.on('close', () => {
      void Promise.all(writes).then(() => {
        if (failure) reject(failure);
        else if (Object.keys(paths).length === 0) reject(new UploadError(400, 'BAD_REQUEST', 'Attach at least one CSV file'));
        else resolve({ paths, strict });
      });
    });
    req.on('aborted', () => reject(new Error('The upload was interrupted')));
    req.pipe(parser);
  });
}
