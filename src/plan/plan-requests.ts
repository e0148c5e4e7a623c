import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import type { Agenda } from "./agenda.js";
import type { KeptVisits, Pins } from "./build-instance.js";
import type { SolveOptions } from "./engine/index.js";
import type { HolidayCalendar } from "./holidays.js";
import { planJointly, type JointPlan, type PlanProgress } from "./joint-plan.js";
import type { RequestPlan } from "./plan-request.js";

export type { PlanProgress } from "./joint-plan.js";

export interface PlanManyInput {
  ws: Workspace;
  requests: readonly ResolvedRequest[];
  holidays: HolidayCalendar;
  /** agendas already sent out (`--booked`): their visits, parallel sessions and joint meetings hold host time */
  booked?: readonly Agenda[];
  declined?: ReadonlyMap<string, ReadonlySet<string>>;
  pins?: ReadonlyMap<string, Pins>;
  /** per request: previous proposed and requested visits, kept unless moving one reaches a higher value */
  kept?: ReadonlyMap<string, KeptVisits>;
  solver?: SolveOptions;
  suggestionLimit?: number;
  /** Told before, during and after the planning; the caller draws it (the plan layer never prints). */
  onProgress?: (progress: PlanProgress) => void;
  /** re-plans the joint search may make (see searchBudget in joint-plan.ts) */
  budget?: number;
}

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
