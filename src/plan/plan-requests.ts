import { planJointly, type JointInput, type JointPlan } from "./joint-plan.js";
import type { RequestPlan } from "./plan-request.js";

export type { PlanProgress } from "./joint-plan.js";

/** The same input as planJointly: planRequests only picks the effort and the number of suggestions. */
export type PlanManyInput = JointInput;

/**
 * Several requests planned together so that no host receives more than its
 * `parallel` delegations at once, for the most total value (each request's
 * value times its `priority`): see planJointly and docs/joint-planning.md.
 */
export function planRequests(input: PlanManyInput): RequestPlan[] {
  return planTogether(input).plans;
}

/** planRequests with the joint figures: total, upper bound, whether the total is proven the best. */
export function planTogether(input: PlanManyInput): JointPlan {
  // Many requests planned at once share the organiser's wait: search less per request, suggest less.
  const many = input.requests.length;
  const effort = input.solver?.effort ?? Math.max(0.1, Math.min(1, 5 / many));
  const suggestionLimit = input.suggestionLimit ?? (many <= 5 ? 5 : 1);
  return planJointly({ ...input, solver: { ...input.solver, effort }, suggestionLimit });
}
