/** Public API of the locator engine: record a target (describe), store it (schema), find it again (resolve). */
import type { Result } from '../result';
import { err, ok } from '../result';
import { type TargetDescriptor, TargetDescriptorSchema } from './schema';

export { describeElement } from './describe';
export { accessibleName, retarget, roleOf } from './dom';
export { compareFingerprints, computeFingerprint } from './fingerprint';
export { createResolutionMemo, type ResolutionMemo, type Resolve } from './memo';
export {
  MIN_FINGERPRINT_SCORE,
  MIN_LOCATOR_AGREEMENT,
  MIN_MARGIN,
  type ResolveResult,
  resolveTarget,
} from './resolve';
export {
  type ElementDescriptor,
  ElementDescriptorSchema,
  type Fingerprint,
  FingerprintSchema,
  type Locator,
  type LocatorKind,
  LocatorSchema,
  type TargetDescriptor,
  TargetDescriptorSchema,
} from './schema';
export { isGeneratedValue } from './text';

/** Validates a descriptor read from storage or a message before replay trusts any of it. */
export function parseTargetDescriptor(input: unknown): Result<TargetDescriptor, 'invalid-descriptor'> {
  const parsed = TargetDescriptorSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(
    'invalid-descriptor',
    'This step’s recorded target is damaged or from an incompatible version; record the step again.',
  );
}
