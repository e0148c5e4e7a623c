import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { didYouMean } from "../records/did-you-mean.js";
import type { ResolvedRequest } from "../records/resolved-request.js";
import type { Workspace } from "../records/workspace.js";

/**
 * REQUEST on the command line is a request id or the path of a request file
 * of the workspace (SPEC). A path names the record(s) loaded from that file.
 */
export function resolveRequest(arg: string, ws: Workspace, cwd: string): ResolvedRequest[] {
  const byId = ws.requests.get(arg);
  if (byId) return [byId];
  const path = resolve(cwd, arg);
  if (existsSync(path) && statSync(path).isFile()) {
    const fromFile = [...ws.requests.values()].filter(
      (r) => resolve(cwd, ws.origins.request.get(r.id)?.source.file ?? "") === path,
    );
    if (fromFile.length > 0) return fromFile;
    throw new UsageError(
      `${arg} holds no request of the workspace ${ws.dir}`,
      "request files live in the workspace's requests/ folder; pass --data to choose the workspace",
    );
  }
  const suggestion = didYouMean(arg, ws.requests.keys());
  const known = [...ws.requests.keys()].sort().join(", ");
  throw new UsageError(
    `unknown request \`${arg}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
    known ? `the workspace's requests: ${known}` : "the workspace has no requests yet: add one in requests/",
  );
}
