import { alertsGate } from './alerts.js';
import { bucketGate } from './bucket.js';
import { growthGate } from './growth.js';
import type { SelectableGateId } from './ids.js';
import { lifecycleGate } from './lifecycle.js';
import type { GateDefinition } from './types.js';
import { verifyGate } from './verify.js';

export { goNoGoGate } from './go-no-go.js';

export const GATES: Readonly<Record<SelectableGateId, GateDefinition>> = {
  bucket: bucketGate,
  lifecycle: lifecycleGate,
  verify: verifyGate,
  growth: growthGate,
  alerts: alertsGate,
};
