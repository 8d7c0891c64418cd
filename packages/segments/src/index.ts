// @kizuna/segments: the segment rule language (schema, registry, validation), its SQL compiler for SQLite
// and PostgreSQL, and the in-memory evaluator with previews, overlaps and explanations. Pure: no I/O.
export * from './schema';
export * from './errors';
export * from './dates';
export * from './data';
export * from './fields';
export * from './registry';
export * from './templates';
export { validateRule, assertValidRule, MAX_DEPTH, MAX_NODES } from './validate';
export type { SegmentResolver, ValidationContext } from './validate';
export type { ScalarTest, LoweredBehaviour, LoweredWindow } from './lower';
export { compileRule } from './sql/compile';
export type { CompiledRule, CompileOptions, RuleContext } from './sql/compile';
export type { SqlDialect } from './sql/writer';
export { Bitset, popcount32 } from './eval/bitset';
export { createEvaluator } from './eval/evaluator';
export type { Evaluator, EvaluatorOptions, EvalOptions, NodeCount, Preview, PreviewOptions } from './eval/evaluator';
export type { CacheStats } from './eval/engine';
export type { ExplainDetail, ExplainNode, ExplainValue } from './eval/explain';
export { overlaps, regionBits, regionRule, MIN_OVERLAP_SETS, MAX_OVERLAP_SETS } from './eval/overlaps';
export type { OverlapPair, OverlapRegion, OverlapResult } from './eval/overlaps';
