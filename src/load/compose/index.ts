/**
 * The Compose loader. `loadCompose` is the entry point; the helpers let the layers above locate
 * values inside raw nodes and reuse Compose's unit parsing (e.g. for `x-ecsform`).
 */
export { loadCompose, type LoadResult } from './load.js';
export { COMPOSE_FINDING_CODES, type ComposeFindingCode, type FindingCodeDoc } from './codes.js';
export { findRawNode, rawToValue } from './raw.js';
export { parseDurationSeconds } from './durations.js';
export { parseMemoryBytes, parseCpus, BYTES_PER_MIB } from './units.js';
export { normalizeProjectName } from './project-name.js';
