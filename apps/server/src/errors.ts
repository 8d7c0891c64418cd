// Typed domain errors. Services throw these; one tRPC middleware (trpc.ts) and the plain HTTP routes map them
// to status codes, so no service knows about HTTP or tRPC.

export class DomainError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {}

/** Bad input that passed the schema, e.g. a rule that references an unknown segment. */
export class ValidationError extends DomainError {
  /** Messages per form field, shown next to the field like zod's flattened issues. */
  readonly fieldErrors: Record<string, string[]>;
  constructor(message: string, fieldErrors: Record<string, string[]> = {}) {
    super(message);
    this.fieldErrors = fieldErrors;
  }
}

export class ForbiddenError extends DomainError {}

/** The request conflicts with the current state: a duplicate email, the last admin, a running import. */
export class ConflictError extends DomainError {}

export class UnauthorizedError extends DomainError {}

export class RateLimitError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'TOO_MANY_REQUESTS';

/** The tRPC code of a domain error, or null for anything else (left as an internal error). */
export function domainErrorCode(err: unknown): DomainErrorCode | null {
  if (err instanceof NotFoundError) return 'NOT_FOUND';
  if (err instanceof ValidationError) return 'BAD_REQUEST';
  if (err instanceof ForbiddenError) return 'FORBIDDEN';
  if (err instanceof ConflictError) return 'CONFLICT';
  if (err instanceof UnauthorizedError) return 'UNAUTHORIZED';
  if (err instanceof RateLimitError) return 'TOO_MANY_REQUESTS';
  return null;
}

export const httpStatusOf: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  TOO_MANY_REQUESTS: 429,
};
