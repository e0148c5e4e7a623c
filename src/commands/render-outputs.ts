import { join, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { packageVersion } from "../package-root.js";
import type { Agenda } from "../plan/agenda.js";
import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { diffAgendas, inviteSequence, type VisitChange } from "../render/agenda-diff.js";
import { inviteRecipients, renderInviteIcs, renderItineraryIcs } from "../render/ics.js";
import { renderMarkdown } from "../render/markdown.js";
import type { RenderInput } from "../render/render-input.js";
import { hostVisits } from "../render/render-input.js";
import type { CommandDeps } from "./context.js";
import type { OutputFile } from "./write-files.js";

const MAX_EPOCH_SECONDS = 253402300799;

/** SOURCE_DATE_EPOCH (seconds) makes every "generated" time, and so the bytes, reproducible. */
export function generatedAt(env: CommandDeps["env"]): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    // Up to the last second of 9999: calendar files and letters write four-digit years.
    if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH_SECONDS)
      throw new UsageError(
        `SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 to ${MAX_EPOCH_SECONDS} (the end of 9999), got \`${epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch}\``,
        "unset it to use the current time",
      );
    return new Date(Number(epoch) * 1000);
  }
  return new Date();
}

export function renderInput(
  ws: Workspace,
  request: Request,
  agenda: Agenda,
  deps: Pick<CommandDeps, "env">,
): RenderInput {
  return { agenda, request, hosts: ws.hosts, places: ws.places, generatedAt: generatedAt(deps.env) };
}

/** A file inside `dir` named after an id; ids are checked on load, and this refuses anything that would escape anyway. */
export function inside(dir: string, name: string): string {
  const path = resolve(dir, name);
  if (!path.startsWith(`${resolve(dir)}${sep}`)) throw new UsageError(`refusing to write ${name} outside ${dir}`);
  return path;
}

export interface InviteFiles {
  files: OutputFile[];
  /** hosts visited whose records give no e-mail to invite */
  uninvitable: string[];
  changes: VisitChange[];
}

/**
 * One METHOD:REQUEST file per visited host; with the previously sent agenda,
 * SEQUENCE rises only for visits that moved and each dropped visit gets its
 * own METHOD:CANCEL file.
 */
export function inviteFiles(dir: string, input: RenderInput, previous?: RenderInput): InviteFiles {
  const version = packageVersion();
  const changes = previous ? diffAgendas(previous.agenda, input.agenda) : [];
  const files: OutputFile[] = [];
  const uninvitable: string[] = [];
  const hosts = [...new Set(hostVisits(input.agenda).map((v) => v.host))];
  for (const host of hosts) {
    if (inviteRecipients(input, host).length === 0) {
      uninvitable.push(host);
      continue;
    }
    const sequence = Math.max(
      0,
      ...hostVisits(input.agenda)
        .filter((v) => v.host === host)
        .map((v) => v.item.sequence ?? sequenceFrom(changes, host)),
    );
    files.push({
      path: inside(dir, `${host}.ics`),
      content: renderInviteIcs(input, host, { version, sequence, method: "REQUEST" }),
    });
  }
  if (previous) {
    for (const change of changes.filter((c) => c.change === "dropped")) {
      if (inviteRecipients(previous, change.host).length === 0 || hosts.includes(change.host)) continue;
      const sequence = inviteSequence(change, change.previous?.item.sequence ?? 0);
      files.push({
        path: inside(dir, `${change.host}.cancel.ics`),
        content: renderInviteIcs(previous, change.host, { version, sequence, method: "CANCEL" }),
      });
    }
  }
  return { files, uninvitable, changes };
}

function sequenceFrom(changes: readonly VisitChange[], host: string): number {
  const change = changes.find((c) => c.host === host);
  return change ? inviteSequence(change, change.previous?.item.sequence ?? 0) : 0;
}

/** What `plan --out` writes per request: the editable agenda, the itinerary in Markdown and iCalendar, and the invitations. */
export function planOutputFiles(
  dir: string,
  agendaYaml: string,
  input: RenderInput,
): { files: OutputFile[]; uninvitable: string[] } {
  const version = packageVersion();
  const invites = inviteFiles(join(dir, "invites"), input);
  return {
    files: [
      { path: join(dir, "agenda.yaml"), content: agendaYaml },
      { path: join(dir, "itinerary.md"), content: renderMarkdown(input) },
      { path: join(dir, "itinerary.ics"), content: renderItineraryIcs(input, { version }) },
      ...invites.files,
    ],
    uninvitable: invites.uninvitable,
  };
}
