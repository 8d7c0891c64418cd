// Rule errors at the API edge: as a plain list for previews, or as a ValidationError whose field errors are
// keyed by the bad node's path (`rule.children.2`), so the builder can show each message beside its node.
import type { NodePath, RuleError, RuleErrorCode } from '@kizuna/segments';
import { ValidationError } from '../../errors';

export interface RuleErrorJson {
  code: RuleErrorCode;
  message: string;
  path: NodePath;
}

export function ruleErrorsJson(errors: readonly RuleError[]): RuleErrorJson[] {
  return errors.map((e) => e.toJSON());
}

/** The form field of a node: `rule` for the root, `rule.children.0.children.1` below it. */
export function nodeField(path: NodePath, prefix = 'rule'): string {
  return [prefix, ...path].join('.');
}

export function ruleValidationError(errors: readonly RuleError[], prefix = 'rule'): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of errors) (fieldErrors[nodeField(e.path, prefix)] ??= []).push(e.message);
  const first = errors[0]?.message ?? 'invalid rule';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new ValidationError(`The rule is not valid: ${first}${more}`, fieldErrors);
}
