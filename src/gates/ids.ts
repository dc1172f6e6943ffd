/** Gates a user can select with the `gates` input, in their documented order. */
export const SELECTABLE_GATES = ['bucket', 'lifecycle', 'verify', 'smoke', 'growth', 'alerts', 'hot-path', 'branch-protection'] as const;
export type SelectableGateId = (typeof SELECTABLE_GATES)[number];
/** go/no-go is never selected: it always runs, last. */
export type GateId = SelectableGateId | 'go-no-go';
export const DEFAULT_GATES: readonly SelectableGateId[] = ['bucket', 'lifecycle', 'verify', 'smoke'];
