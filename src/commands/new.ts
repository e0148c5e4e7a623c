import { isAbsolute, join, relative, sep } from "node:path";
import * as z from "zod";
import { Document, isCollection, isMap, isScalar, isSeq, stringify, visit, type Node } from "yaml";
import { RecordsError, UsageError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { loadWorkspace } from "../records/load-workspace.js";
import { formatProblem, hasErrors, problemSummary, severityOf } from "../records/problem.js";
import type { CommandDeps } from "./context.js";
import { text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { newHost } from "./new-host.js";
import { newPlace } from "./new-place.js";
import { newRequest } from "./new-request.js";
import { RecordWizard, type Fields } from "./record-wizard.js";
import { loadWorkspaceOrFail, resolveDataDir } from "./workspace-access.js";
import { writeOutputs } from "./write-files.js";

// Imported from here by new's tests; it lives next to the id question, its only user.
export { slugify } from "./record-wizard.js";

export const RECORD_KINDS = ["host", "place", "request"] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];

export interface NewOptions {
  kind: string;
  data?: string;
}

/** The example each kind points at when there is no terminal: the files `studyvisit init` copies. */
const EXAMPLES: Record<RecordKindName, string> = {
  host: "hosts/schaerbeek-reception.yaml",
  place: "places/town-hall.yaml",
  request: "requests/example-visit.yaml",
};

/**
 * Ask for a record, field by field, and write it as one YAML file. Every answer
 * goes through the schema `check` uses, so a refused answer shows the message
 * `check` would print and the question comes again.
 */
export async function runNew(options: NewOptions, deps: CommandDeps): Promise<number> {
  const kind = RECORD_KINDS.find((k) => k === options.kind);
  if (!kind) throw new UsageError(`unknown record kind \`${options.kind}\`: use host, place or request`);
  const dir = resolveDataDir(options.data, deps);
  const shownDir = display(deps.cwd, dir);
  if (!deps.stdinIsTTY || !deps.prompter) {
    // Waiting for answers that cannot come would hang a script or CI job: say what to do instead, at once.
    const example = display(deps.cwd, join(packageRoot(), "templates", "init", EXAMPLES[kind]));
    throw new UsageError(
      `no terminal to ask questions in: write ${shownDir === "." ? "" : `${shownDir}/`}${kind}s/<id>.yaml by hand (see ${example}) and run studyvisit check${options.data ? ` --data ${options.data}` : ""}`,
      `run \`studyvisit new ${kind}\` in a terminal to be asked for each field`,
    );
  }
  const { workspace } = loadWorkspaceOrFail(options.data, deps);
  const record = await WIZARDS[kind](new RecordWizard(deps.prompter, workspace, dir, deps.err));

  const path = join(dir, `${kind}s`, `${String(record.id)}.yaml`);
  const content = recordYaml(
    record,
    `# ${HEADERS[kind]}, written by \`studyvisit new ${kind}\`. Edit freely; \`studyvisit check\` validates it.`,
  );
  deps.err(deps.style.dim(`\n${content}`));
  if (!(await deps.prompter.confirm({ message: `Write ${display(deps.cwd, path)}?`, default: true }))) {
    deps.err("nothing was written");
    return 0;
  }
  await writeOutputs({ files: [{ path, content }], force: false }, deps);

  // The wizard checked each answer; loading the workspace again checks the references and cross-record rules too.
  const shown = display(deps.cwd, path);
  const after = loadWorkspace(dir, deps.cwd);
  const own = after.problems.filter((p) => p.file === shown);
  if (hasErrors(own)) {
    deps.err(`wrote ${shown}, but check finds problems in it: fix them by hand`);
    throw new RecordsError(own);
  }
  for (const warning of own) deps.err(formatProblem(warning));
  deps.out(`${deps.style.ok("✓")} wrote ${shown}`);
  // Problems of other files are not this record's: counted (warnings apart), not listed.
  const others = after.problems.filter((p) => p.file !== shown && severityOf(p) !== "note");
  if (others.length > 0)
    deps.err(
      `note: ${problemSummary(others).replace(/ in \d+ files?$/, "")} elsewhere in the workspace; run studyvisit check${options.data ? ` --data ${options.data}` : ""}`,
    );
  return 0;
}

const WIZARDS: Record<RecordKindName, (wizard: RecordWizard) => Promise<Fields>> = {
  host: newHost,
  place: newPlace,
  request: newRequest,
};
const HEADERS: Record<RecordKindName, string> = { host: "A host", place: "A place", request: "A request" };

function display(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
}

/**
 * The record as YAML that reads like the hand-written files: block style at
 * the top, short lists and mappings of plain values on one line, hours quoted
 * (YAML 1.1 readers would take 09:30 for a number of minutes).
 */
export function recordYaml(record: Fields, header: string): string {
  const doc = new Document(record);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && /^\d{1,2}[:.h]\d{2}/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  visit(doc, {
    Map(_key, node, path) {
      if (path.length > 1 && shortAndFlat(node)) node.flow = true;
    },
    Seq(_key, node, path) {
      if (path.length > 1 && node.items.every((item) => isScalar(item)) && oneLine(node)) node.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 120, flowCollectionPadding: false })}`;
}

function shortAndFlat(node: Node): boolean {
  if (!isMap(node)) return false;
  const flat = node.items.every(
    ({ value }) =>
      isScalar(value) ||
      (isSeq(value) && value.items.every((item) => isScalar(item))) ||
      (isMap(value) && value.items.every((p) => isScalar(p.value))),
  );
  return flat && oneLine(node);
}

function oneLine(node: Node): boolean {
  if (!isCollection(node)) return true;
  return (
    stringify(node.toJSON(), { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 0 }).trim().length <=
    100
  );
}

/** `studyvisit new` from its command line; its definition is in new-command.ts. */
export const newRunner = commandRunner(z.strictObject({ kind: z.string(), data: text }), runNew);
