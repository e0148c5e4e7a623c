import * as z from "zod";
import { createThemeMatcher } from "../plan/themes.js";
import type { Host } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import type { CommandDeps } from "./context.js";
import { flag, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { loadValidWorkspace } from "./workspace-access.js";

export interface HostsOptions {
  data?: string;
  theme?: string;
  json: boolean;
}

export interface HostRow {
  id: string;
  name: string;
  kind?: string;
  themes: string[];
  languages: string[];
  place: { id: string; name: string; address?: string; online?: string };
}

/** The hosts of the workspace, sorted by id; with a theme, only those having it (synonyms and plurals folded). */
export function listHosts(ws: Workspace, theme?: string): HostRow[] {
  const matcher = createThemeMatcher(ws.config.synonyms);
  const wanted = (host: Host) => theme === undefined || host.themes.some((t) => matcher.matches(t, theme));
  return [...ws.hosts.values()]
    .filter(wanted)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((host) => {
      const place = ws.places.get(host.place);
      return {
        id: host.id,
        name: host.name,
        ...(host.kind ? { kind: host.kind } : {}),
        themes: host.themes,
        languages: host.languages,
        place: {
          id: host.place,
          name: place?.name ?? host.place,
          ...(place?.address ? { address: place.address } : {}),
          ...(place?.online ? { online: place.online } : {}),
        },
      };
    });
}

export function runHosts(options: HostsOptions, deps: CommandDeps): number {
  const { workspace: ws } = loadValidWorkspace(options.data, deps);
  const rows = listHosts(ws, options.theme);
  if (options.json) {
    deps.out(JSON.stringify({ hosts: rows }, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    deps.err(
      options.theme
        ? `no host has the theme "${options.theme}"`
        : "the workspace has no hosts yet: add files to hosts/",
    );
    return 0;
  }
  const s = deps.style;
  for (const row of rows) {
    deps.out(`${s.bold(row.id)}  ${row.name}${row.kind ? s.dim(` (${row.kind})`) : ""}`);
    const where = row.place.online
      ? `online: ${row.place.online}`
      : [row.place.name, row.place.address].filter(Boolean).join(", ");
    deps.out(`    ${s.location(where)}`);
    if (row.themes.length > 0) deps.out(`    ${s.dim("themes:")} ${row.themes.join(", ")}`);
    if (row.languages.length > 0) deps.out(`    ${s.dim("languages:")} ${row.languages.join(", ")}`);
  }
  if (!deps.quiet)
    deps.err(
      s.dim(
        `${rows.length} host${rows.length === 1 ? "" : "s"}${options.theme ? ` with the theme "${options.theme}"` : ""}`,
      ),
    );
  return 0;
}

/** `studyvisit hosts` from its command line; its definition is in hosts-command.ts. */
export const hostsRunner = commandRunner(z.strictObject({ data: text, theme: text, json: flag }), runHosts);
