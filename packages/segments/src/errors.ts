// Typed rule errors: every refusal names a code and the path of the bad node, so the builder can show it
// beside that node. compileRule and the evaluator throw the first one, carrying the full list.
import type { NodePath } from './schema';

export const ruleErrorCodes = [
  'invalid_shape',
  'unsupported_version',
  'empty_group',
  'too_deep',
  'too_large',
  'unknown_field',
  'wrong_condition_kind',
  'operator_not_allowed',
  'bad_value',
  'bad_window',
  'window_in_future',
  'unknown_event_type',
  'bad_measure',
  'filter_not_allowed',
  'unknown_segment',
  'segment_cycle',
  'invalid_reference',
] as const;
export type RuleErrorCode = (typeof ruleErrorCodes)[number];

export class RuleError extends Error {
  override readonly name = 'RuleError';
  readonly code: RuleErrorCode;
  readonly path: NodePath;
  /** Every error found in the rule (this one first) when thrown by compileRule or the evaluator. */
  readonly errors: readonly RuleError[];

  constructor(code: RuleErrorCode, message: string, path: NodePath, errors?: readonly RuleError[]) {
    super(message);
    this.code = code;
    this.path = path;
    this.errors = errors ?? [this];
  }

  /** A plain object for API responses. */
  toJSON(): { code: RuleErrorCode; message: string; path: NodePath } {
    return { code: this.code, message: this.message, path: this.path };
  }
}

/** Throws the first error of a non-empty list, carrying all of them. */
export function throwRuleErrors(errors: readonly RuleError[]): never {
  const first = errors[0];
  if (!first) throw new Error('throwRuleErrors called without errors');
  throw new RuleError(first.code, first.message, first.path, errors);
}

/** Ends every switch over a tagged union: a new variant is a compile error until it is handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
