/** Thrown when an instance is malformed (a programming error in the caller's mapping, not an infeasible plan). */
export class EngineInputError extends Error {
  override readonly name = "EngineInputError";
}
