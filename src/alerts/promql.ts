import { parser } from '@prometheus-io/lezer-promql';

export interface PromqlSyntaxError {
  /** 0-based offset of the first error in the expression. */
  readonly offset: number;
  readonly near: string;
}

/**
 * Parses PromQL with the Prometheus project's own grammar (the lezer grammar its web UI uses) and
 * reports the first syntax error. Syntax only: it catches unbalanced brackets, bad selectors,
 * durations, operators and unknown function names, but not type errors (rate() of an instant
 * vector), argument counts or label-matching problems, which promtool and Prometheus reject.
 */
export function promqlSyntaxError(expr: string): PromqlSyntaxError | undefined {
  if (expr.trim() === '') return { offset: 0, near: '(empty expression)' };
  let offset: number | undefined;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (offset === undefined && node.type.isError) offset = node.from;
      return offset === undefined;
    },
  });
  if (offset === undefined) return undefined;
  const near = expr.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ');
  return { offset, near };
}
