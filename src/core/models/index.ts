// The models lifecycle (the table), the replacement rules, the pin policy and the verdict on a model.
export { assessModel } from './assess';
export { bareModelId, isMovingAlias } from './ids';
export { BUILT_IN_ALIASES, isOnOrAfter, lifecycleOf, MODEL_LIFECYCLE, MODEL_DOCS_VERSION, roleOf, type LifecycleEntry, type ModelRole } from './lifecycle';
export { suggestPin, type PinContext } from './pinPolicy';
export { replacementFor } from './replacement';
