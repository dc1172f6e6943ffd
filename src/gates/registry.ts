import { alertsGate } from './alerts.js';
import { branchProtectionGate } from './branch-protection/gate.js';
import { bucketGate } from './bucket.js';
import { growthGate } from './growth/gate.js';
import { hotPathGate } from './hot-path.js';
import { lifecycleGate } from './lifecycle/gate.js';
import { smokeGate } from './smoke/gate.js';
import type { GateDefinition } from './types.js';
import { verifyGate } from './verify.js';
import type { SelectableGateId } from '../verdict.js';

export { goNoGoGate } from './go-no-go.js';

export const GATES: Readonly<Record<SelectableGateId, GateDefinition>> = {
  bucket: bucketGate,
  lifecycle: lifecycleGate,
  verify: verifyGate,
  'branch-protection': branchProtectionGate,
  smoke: smokeGate,
  'hot-path': hotPathGate,
  growth: growthGate,
  alerts: alertsGate,
};
