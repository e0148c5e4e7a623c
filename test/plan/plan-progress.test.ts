import { describe, expect, it } from "vitest";
import { planRequests, type PlanProgress } from "../../src/plan/plan-requests.js";
import { holidays, host, request, workspaceOf } from "./workspace-builder.js";

// 20 hosts around one square, open two days: more usable nodes than the exact solver takes.
function manyHosts() {
  const files: Record<string, string> = {
    "studyvisit.yaml": "timezone: Europe/Brussels\n",
    "places/p.yaml": Array.from(
      { length: 20 },
      (_, i) => `- {id: p${i}, name: Office ${i}, address: "Rue ${i}", geo: "${(50.8 + i * 0.002).toFixed(4)}, 4.3"}\n`,
    ).join(""),
    "requests/r.yaml": request(
      'days: [{date: 2018-09-18, hours: "09:00-17:00"}, {date: 2018-09-19, hours: "09:00-17:00"}]\ninterests: [inclusion]',
    ),
    "requests/r2.yaml": request('days: [{date: 2018-09-18, hours: "09:00-17:00"}]\ninterests: [inclusion]').replace(
      "id: r\n",
      "id: r2\n",
    ),
  };
  for (let i = 0; i < 20; i++)
    files[`hosts/h${i}.yaml`] = host(
      `h${i}`,
      `p${i}`,
      'visit: {duration: 45min}\navailability: {weekly: [{days: [tue, wed], hours: "09:00-17:00"}], parallel: 2}',
    );
  return workspaceOf(files).ws;
}

describe("planRequests' progress", () => {
  it("reports each request's start, the search's best values and the end, and changes no plan", () => {
    const ws = manyHosts();
    const requests = [ws.requests.get("r")!, ws.requests.get("r2")!];
    const events: PlanProgress[] = [];
    const plans = planRequests({ ws, requests, holidays, onProgress: (p) => events.push(structuredClone(p)) });
    expect(plans.map((p) => p.agenda)).toEqual(planRequests({ ws, requests, holidays }).map((p) => p.agenda));
    expect(plans.every((p) => p.method === "heuristic")).toBe(true);

    expect(events[0]).toEqual({ requestsDone: 0, requestsTotal: 2, valueDone: 0, current: { request: "r" } });
    const during = events.filter((e) => e.current?.bestValue !== undefined);
    expect(during.some((e) => e.current?.request === "r")).toBe(true);
    expect(during.some((e) => e.current?.request === "r2")).toBe(true);
    for (const e of during) expect(e.current!.bestValue).toBeLessThanOrEqual(plans[e.requestsDone]!.agenda.value);
    expect(events).toContainEqual({
      requestsDone: 1,
      requestsTotal: 2,
      valueDone: plans[0]!.agenda.value,
      current: { request: "r2" },
    });
    expect(events.at(-1)).toEqual({
      requestsDone: 2,
      requestsTotal: 2,
      valueDone: plans[0]!.agenda.value + plans[1]!.agenda.value,
    });
  });
});
