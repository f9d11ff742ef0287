export { findKeyCandidates } from './findKeyCandidates';
export { SOURCE_IDS } from './types';
export type { FindKeyOptions, FoundKeys, KeyCandidate, KeySource, SourceId, SourceProblem } from './types';
