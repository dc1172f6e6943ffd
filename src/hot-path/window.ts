/** The interval the hot-path gate judges, and the step of its samples. */
export interface ObservationWindow {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
  /** Evaluation points of one series over the window (both ends included). */
  readonly expectedSamples: number;
}

export interface WindowInput {
  /** When the run's first gate started: the earliest moment this rollout could change anything. */
  readonly runStartMs: number;
  readonly gateStartMs: number;
  readonly windowMs: number;
  readonly stepMs: number;
}

/**
 * The window ends `windowMs` after the run started, and never before the gate starts: so it never
 * reaches back before this rollout began, it covers the changes the earlier gates made while
 * they were made, and when those took longer than the window it is the last `windowMs` before the
 * gate (all of it after the run started). The gate waits until the end has passed.
 */
export function observationWindow({ runStartMs, gateStartMs, windowMs, stepMs }: WindowInput): ObservationWindow {
  // On a whole second, so sample times read cleanly in the report and on the graph page.
  const endMs = Math.ceil(Math.max(gateStartMs, Math.min(runStartMs, gateStartMs) + windowMs) / 1000) * 1000;
  return { startMs: endMs - windowMs, endMs, stepMs, expectedSamples: expectedSamples(windowMs, stepMs) };
}

export function expectedSamples(windowMs: number, stepMs: number): number {
  return Math.floor(windowMs / stepMs) + 1;
}

/** Every evaluation point but one: a scrape may be missed, most of the window must be seen. */
export function defaultMinSamples(windowMs: number, stepMs: number): number {
  return Math.max(1, expectedSamples(windowMs, stepMs) - 1);
}
