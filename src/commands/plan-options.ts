import type { Adjustments } from "./plan-adjustments.js";

/** What `studyvisit plan` does, from its command line (plan.ts) or the prompts of --interactive (plan-interactive.ts). */
export interface PlanOptions {
  data?: string;
  requests: string[];
  json: boolean;
  out?: string;
  booked: string[];
  previous?: string;
  keepProposed: boolean;
  force: boolean;
  adjust: Adjustments;
  interactive: boolean;
}
