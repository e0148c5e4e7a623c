import { lstatSync, rmSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { packageVersion } from "../package-root.js";
import type { Agenda } from "../plan/agenda.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";
import { diffAgendas, inviteSequence, type VisitChange } from "../plan/agenda-diff.js";
import { hostVisits } from "../plan/host-visits.js";
import { inviteRecipients, renderInviteIcs, renderItineraryIcs } from "../render/ics.js";
import { renderMarkdown } from "../render/markdown.js";
import type { RenderInput } from "../render/render-input.js";
import type { CommandDeps } from "./context.js";
import type { OutputFile } from "./write-files.js";

/** What every renderer reads of one agenda; its "generated" time is the run's `now`. */
export function renderInput(
  ws: Workspace,
  request: ResolvedRequest,
  agenda: Agenda,
  deps: Pick<CommandDeps, "now">,
): RenderInput {
  return { agenda, request, hosts: ws.hosts, places: ws.places, generatedAt: deps.now };
}

/** A file inside `dir` named after an id; ids are checked on load, and this refuses anything that would escape anyway. */
export function inside(dir: string, name: string): string {
  const path = resolve(dir, name);
  if (!path.startsWith(`${resolve(dir)}${sep}`)) throw new UsageError(`refusing to write ${name} outside ${dir}`);
  return path;
}

/** One host's invitation (REQUEST) or cancellation (CANCEL), as an .ics file. */
export interface InviteMessage {
  host: string;
  method: "REQUEST" | "CANCEL";
  sequence: number;
  /** why it is sent: a new or moved visit, one unchanged (sent again with --all, or with no previous agenda), a dropped one */
  change: VisitChange["change"];
  /** the host declined: its CANCEL acknowledges the answer */
  declined: boolean;
  /** the agenda the message is rendered from: the current one, or for a CANCEL the one that still holds the visit */
  input: RenderInput;
  /** the previous time of a moved visit (its change) */
  visit?: VisitChange;
  file: OutputFile;
}

export interface InviteFiles {
  messages: InviteMessage[];
  /** the .ics files of the messages */
  files: OutputFile[];
  /** hosts visited whose records give no e-mail to invite */
  uninvitable: string[];
  /** hosts whose visit did not change since the previous agenda: nothing written for them (unless `all`) */
  unchanged: string[];
  changes: VisitChange[];
}

/**
 * The invitations an agenda calls for. Without a previous agenda: one
 * METHOD:REQUEST per visited host. With the agenda sent before: REQUEST for
 * new and moved visits (moved: SEQUENCE + 1), METHOD:CANCEL for dropped and
 * declined ones, nothing for unchanged hosts unless `all`.
 */
export function inviteFiles(
  dir: string,
  input: RenderInput,
  previous?: RenderInput,
  options: { all?: boolean } = {},
): InviteFiles {
  const version = packageVersion();
  const changes = previous ? diffAgendas(previous.agenda, input.agenda) : [];
  const messages: InviteMessage[] = [];
  const uninvitable: string[] = [];
  const unchanged: string[] = [];
  const hosts = [...new Set(hostVisits(input.agenda).map((v) => v.host))];
  for (const host of hosts) {
    const hostChanges = changes.filter((c) => c.host === host);
    const change = !previous
      ? "new"
      : hostChanges.some((c) => c.change === "moved")
        ? "moved"
        : hostChanges.some((c) => c.change === "new")
          ? "new"
          : "unchanged";
    if (inviteRecipients(input, host).length === 0) {
      uninvitable.push(host);
      continue;
    }
    if (previous && change === "unchanged" && !options.all) {
      unchanged.push(host);
      continue;
    }
    const sequence = Math.max(
      0,
      ...hostVisits(input.agenda)
        .filter((v) => v.host === host)
        .map((v) => v.item.sequence ?? sequenceFrom(changes, host)),
    );
    const moved = hostChanges.find((c) => c.change === "moved");
    messages.push({
      host,
      method: "REQUEST",
      sequence,
      change,
      declined: false,
      input,
      ...(moved ? { visit: moved } : {}),
      file: {
        path: inside(dir, `${host}.ics`),
        content: renderInviteIcs(input, host, { version, sequence, method: "REQUEST" }),
      },
    });
  }
  if (previous) {
    for (const change of changes.filter((c) => c.change === "dropped")) {
      if (inviteRecipients(previous, change.host).length === 0) continue;
      if (messages.some((m) => m.host === change.host && m.method === "CANCEL")) continue;
      // A host still in the programme keeps its invitation; only events of its own that are gone are
      // cancelled (a joint meeting that became a visit of its own is another event, another UID).
      const current = new Set(hostVisits(input.agenda).flatMap((v) => (v.host === change.host ? [v.uid] : [])));
      const gone = changes
        .filter((c) => c.host === change.host && c.change === "dropped" && c.previous)
        .map((c) => c.previous?.uid as string)
        .filter((uid) => !current.has(uid));
      if (hosts.includes(change.host) && gone.length === 0) continue;
      const sequence = inviteSequence(change, change.previous?.item.sequence ?? 0);
      messages.push({
        host: change.host,
        method: "CANCEL",
        sequence,
        change: "dropped",
        declined: change.declined === true,
        input: previous,
        visit: change,
        file: {
          path: inside(dir, `${change.host}.cancel.ics`),
          content: renderInviteIcs(previous, change.host, {
            version,
            sequence,
            method: "CANCEL",
            ...(hosts.includes(change.host) ? { uids: gone } : {}),
          }),
        },
      });
    }
  }
  return { messages, files: messages.map((m) => m.file), uninvitable, unchanged, changes };
}

function sequenceFrom(changes: readonly VisitChange[], host: string): number {
  const change = changes.find((c) => c.host === host);
  return change ? inviteSequence(change, change.previous?.item.sequence ?? 0) : 0;
}

/**
 * What `plan --out` writes per request: the editable agenda, the delegation's
 * itinerary in Markdown and iCalendar, the organiser's report, and the invitations.
 */
export function planOutputFiles(
  dir: string,
  agendaYaml: string,
  input: RenderInput,
  previous: RenderInput | undefined,
  report: string,
): { files: OutputFile[]; uninvitable: string[]; invites: InviteFiles } {
  const version = packageVersion();
  const invites = inviteFiles(join(dir, "invites"), input, previous, { all: true });
  return {
    files: [
      { path: join(dir, "agenda.yaml"), content: agendaYaml },
      { path: join(dir, "itinerary.md"), content: renderMarkdown(input) },
      { path: join(dir, "itinerary.ics"), content: renderItineraryIcs(input, { version }) },
      { path: join(dir, "report.md"), content: report },
      ...invites.files,
    ],
    uninvitable: invites.uninvitable,
    invites,
  };
}

/**
 * Files an earlier run left in an invitations folder that now say the
 * opposite of what is written: the REQUEST (.ics, .eml) of a host whose visit
 * is cancelled, the CANCEL of a host invited again, and (`others`) the REQUEST
 * of a host no longer in the programme at all. Only regular files.
 */
export function staleInvites(
  dir: string,
  messages: readonly InviteMessage[],
  others: readonly string[] = [],
): string[] {
  const names = new Set<string>();
  const written = new Set(messages.map((m) => m.file.path));
  for (const m of messages) {
    const opposite = m.method === "REQUEST" ? `${m.host}.cancel` : m.host;
    names.add(`${opposite}.ics`);
    names.add(`${opposite}.eml`);
  }
  for (const host of others) {
    names.add(`${host}.ics`);
    names.add(`${host}.eml`);
  }
  return [...names]
    .map((name) => inside(dir, name))
    .filter((path) => !written.has(path))
    .filter((path) => {
      try {
        return lstatSync(path).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** Stale invitations are replaced like any output: never without --force. Call before writing. */
export function refuseStale(stale: readonly string[], options: { force: boolean; cwd: string }): void {
  if (stale.length === 0 || options.force) return;
  throw new UsageError(
    `refusing to remove ${stale.map((p) => relative(options.cwd, p) || p).join(", ")}: an earlier run's invitations that no longer apply`,
    "pass --force to replace them, or choose another folder",
  );
}

/** Remove stale invitations once the new ones are written. */
export function removeStale(stale: readonly string[]): void {
  for (const path of stale) rmSync(path, { force: true });
}
