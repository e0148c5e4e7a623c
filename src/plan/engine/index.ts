export { solve, DEFAULT_EXACT_BUDGET, DEFAULT_EXACT_MAX_NODES } from "./solve.js";
export { EngineInputError } from "./engine-input-error.js";
export type * from "./types.js";
export { compareObjective, type Objective } from "./objective.js";
