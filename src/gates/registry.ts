import { bucketGate } from './bucket.js';
import { hotPathGate } from './hot-path.js';
import type { SelectableGateId } from './ids.js';
import { lifecycleGate } from './lifecycle.js';
import type { GateDefinition } from './types.js';
import { verifyGate } from './verify.js';

export { goNoGoGate } from './go-no-go.js';

export const GATES: Readonly<Record<SelectableGateId, GateDefinition>> = {
  bucket: bucketGate,
  lifecycle: lifecycleGate,
  verify: verifyGate,
  'hot-path': hotPathGate,
};
