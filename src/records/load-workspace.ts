import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { EnvironmentError } from "../errors.js";
import { crossChecks } from "./cross-checks.js";
import { describe } from "./formats.js";
import { describeSystemError, isSystemError } from "./file-system-error.js";
import { type Problem, sortProblems } from "./problem.js";
import { configSchema, hostSchema, placeSchema, requestSchema } from "./schemas.js";
import { fileProblem, MAX_MATRIX_BYTES, MAX_RECORD_BYTES, readTextFile } from "./read-text-file.js";
import { resolveRequestSettings } from "./resolved-request.js";
import { parseTravelMatrix } from "./travel-matrix.js";
import { emptyWorkspace, problemIn, travelKey, type Origin, type Workspace } from "./workspace.js";
import { parseYaml, type PathSegment, type YamlSource } from "./yaml-source.js";
import { zodProblems } from "./zod-problems.js";

export interface LoadResult {
  workspace: Workspace;
  /**
   * Every problem of every file, sorted by file and position: errors (no
   * `severity`, or "error") and warnings (`severity: "warning"`). The
   * workspace is valid when none is an error (`hasErrors` in problem.ts).
   */
  problems: Problem[];
  files: number;
}

export const CONFIG_FILE = "studyvisit.yaml";
export const RECORD_DIRS = ["places", "hosts", "requests"] as const;

/**
 * Load a workspace folder: parse every file with positions, validate each
 * record, then cross-check references. Never throws on bad input; a missing
 * folder is the caller's usage error (see `workspaceExists`).
 */
export function loadWorkspace(
  dir: string,
  cwd: string,
  /** told after each record file is read (a large workspace takes a while); the caller draws it */
  onProgress?: (filesRead: number, filesTotal: number) => void,
): LoadResult {
  const ws = emptyWorkspace(dir);
  const problems: Problem[] = [];
  const display = displayPaths(cwd);
  let files = 0;

  const configPath = join(dir, CONFIG_FILE);
  // lstat, not exists: a dangling link named studyvisit.yaml is a problem to report, not an absent file.
  if (present(configPath)) {
    files++;
    const parsed = readSource(configPath, display(configPath), problems, () => (ws.invalid.config = true));
    if (parsed && parsed.data !== null && parsed.data !== undefined) {
      const result = configSchema.safeParse(parsed.data);
      if (result.success) {
        ws.config = result.data;
        ws.configOrigin = { source: parsed.source, path: [] };
      } else {
        ws.invalid.config = true;
        pushAll(problems, zodProblems(parsed.source, [], configSchema, result.error.issues, parsed.data));
      }
    }
  }

  const listed = RECORD_DIRS.map((kind) => ({ kind, paths: listYamlFiles(join(dir, kind), display) }));
  const total = files + listed.reduce((n, l) => n + l.paths.length, 0);
  for (const { kind, paths } of listed) {
    // Ids are checked for duplicates before validation, so a duplicate is reported even when the first record has other problems.
    const firstById = new Map<string, Origin>();
    for (const file of paths) {
      files++;
      onProgress?.(files - 1, total);
      // A file that cannot be read is reported once; by convention it holds the record named after it, so
      // references to that id are not reported again as unknown (a UTF-16 file gives one message, not ten).
      const parsed = readSource(file, display(file), problems, () =>
        ws.invalid[kind === "places" ? "place" : kind === "hosts" ? "host" : "request"].add(
          basename(file).replace(/\.ya?ml$/i, ""),
        ),
      );
      if (!parsed) continue;
      forEachRecord(parsed.source, parsed.data, problems, (data, path) => {
        const origin: Origin = { source: parsed.source, path };
        const rawId = (data as { id?: unknown }).id;
        const invalid = (ids: Set<string>, issues: Problem[]) => {
          if (typeof rawId === "string") ids.add(rawId);
          return pushAll(problems, issues);
        };
        if (typeof rawId === "string") {
          const first = firstById.get(rawId);
          if (first) return problems.push(duplicateId(kind.slice(0, -1), rawId, first, origin));
          firstById.set(rawId, origin);
        }
        if (kind === "places") {
          const result = placeSchema.safeParse(data);
          if (!result.success)
            return invalid(ws.invalid.place, zodProblems(parsed.source, path, placeSchema, result.error.issues, data));
          addRecord(ws.places, ws.origins.place, result.data, origin, "place", problems);
        } else if (kind === "hosts") {
          const result = hostSchema.safeParse(data);
          if (!result.success) {
            const inlinePlace = (data as { place?: { id?: unknown } }).place?.id;
            if (typeof inlinePlace === "string") ws.invalid.place.add(inlinePlace);
            return invalid(ws.invalid.host, zodProblems(parsed.source, path, hostSchema, result.error.issues, data));
          }
          const { place, ...host } = result.data;
          let placeId: string;
          if (typeof place === "string") placeId = place;
          else {
            placeId = place.id;
            addRecord(
              ws.places,
              ws.origins.place,
              place,
              { source: parsed.source, path: [...path, "place"] },
              "place",
              problems,
            );
          }
          addRecord(ws.hosts, ws.origins.host, { ...host, place: placeId }, origin, "host", problems);
        } else {
          const result = requestSchema.safeParse(data);
          if (!result.success)
            return invalid(
              ws.invalid.request,
              zodProblems(parsed.source, path, requestSchema, result.error.issues, data),
            );
          const request = resolveRequestSettings(result.data, ws.config);
          addRecord(ws.requests, ws.origins.request, request, origin, "request", problems);
        }
        return undefined;
      });
    }
  }

  if (ws.config.travel_matrix && ws.configOrigin) {
    const matrixPath = join(dir, ws.config.travel_matrix);
    const read = present(matrixPath)
      ? readTextFile(matrixPath, { maxBytes: MAX_MATRIX_BYTES, what: "a travel matrix" })
      : undefined;
    if (!read) {
      problems.push(
        problemIn(
          ws.configOrigin,
          ["travel_matrix"],
          `travel matrix \`${ws.config.travel_matrix}\` not found (the path is relative to the workspace folder)`,
        ),
      );
    } else {
      files++;
      if (read.failure) problems.push(fileProblem(display(matrixPath), read.failure));
      const matrix = parseTravelMatrix(display(matrixPath), read.text ?? "", ws.places);
      pushAll(problems, read.failure ? [] : matrix.problems);
      for (const [key, minutes] of matrix.minutes) ws.travel.set(key, minutes);
    }
  }
  // Pairs in studyvisit.yaml are the user's most specific word: they win over the matrix.
  // A pair holds both ways unless the reverse direction is given as a pair of its own.
  const explicit = new Set(ws.config.travel.map((pair) => travelKey(pair.from, pair.to)));
  for (const pair of ws.config.travel) {
    ws.travel.set(travelKey(pair.from, pair.to), pair.minutes);
    if (!explicit.has(travelKey(pair.to, pair.from))) ws.travel.set(travelKey(pair.to, pair.from), pair.minutes);
  }

  pushAll(problems, crossChecks(ws));
  return { workspace: ws, problems: sortProblems(problems), files };
}

/**
 * A path as messages show it: relative to where the user is, with `/`. One
 * `path.relative` per folder, not per file (a registry has thousands of files
 * in a few folders): relative(cwd, folder/name) is relative(cwd, folder)/name.
 */
function displayPaths(cwd: string): (abs: string) => string {
  const folders = new Map<string, string>();
  return (abs) => {
    const folder = dirname(abs);
    let shown = folders.get(folder);
    if (shown === undefined) {
      shown = relative(cwd, folder).split(sep).join("/");
      folders.set(folder, shown);
    }
    const name = basename(abs);
    return shown === "" ? name || abs : `${shown}/${name}`;
  };
}

export function workspaceExists(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

function readSource(
  abs: string,
  display: string,
  problems: Problem[],
  unreadable: () => void,
): { source: YamlSource; data: unknown } | undefined {
  // Refused before reading: a huge file, a FIFO or /dev/zero is never loaded.
  const read = readTextFile(abs, { maxBytes: MAX_RECORD_BYTES, what: "a record file" });
  if (read.failure) {
    problems.push(fileProblem(display, read.failure));
    unreadable();
    return undefined;
  }
  const parsed = parseYaml(display, read.text);
  pushAll(problems, parsed.problems);
  return parsed.source ? { source: parsed.source, data: parsed.data } : undefined;
}

/** `push(...items)` passes every item as an argument and overflows the stack past ~100,000 of them. */
export function pushAll<T>(into: T[], items: readonly T[]): number {
  for (const item of items) into.push(item);
  return into.length;
}

function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function forEachRecord(
  source: YamlSource,
  data: unknown,
  problems: Problem[],
  each: (data: unknown, path: PathSegment[]) => unknown,
): void {
  if (data === null || data === undefined) return; // an empty file holds no records
  if (Array.isArray(data))
    data.forEach((item, i) => {
      // `- ` alone is a null item, `- 3` a number: neither is a record, and neither may reach the schemas as one.
      if (item !== null && typeof item === "object" && !Array.isArray(item)) each(item, [i]);
      else
        problems.push(
          source.problemAt(
            [i],
            `list item ${i + 1}: expected a record (a mapping of keys), got ${item === null || item === undefined ? "an empty item" : describe(item)}`,
          ),
        );
    });
  else if (typeof data === "object") each(data, []);
  else problems.push(source.problemAt([], "expected a record (a mapping of keys) or a list of records"));
}

function duplicateId(kind: string, id: string, first: Origin, origin: Origin): Problem {
  const where = problemIn(first, ["id"], "");
  return problemIn(
    origin,
    ["id"],
    `duplicate ${kind} id \`${id}\`: already used at ${where.file}:${where.line}:${where.col}`,
  );
}

/** Inline places share the id space of places/ files, so they are checked here too. */
function addRecord<T extends { id: string }>(
  into: Map<string, T>,
  origins: Map<string, Origin>,
  record: T,
  origin: Origin,
  kind: string,
  problems: Problem[],
): void {
  const first = origins.get(record.id);
  if (first) {
    problems.push(duplicateId(kind, record.id, first, origin));
    return;
  }
  into.set(record.id, record);
  origins.set(record.id, origin);
}

function listYamlFiles(dir: string, display: (abs: string) => string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (!isSystemError(error)) throw error;
    if (error.code === "ENOTDIR")
      throw new EnvironmentError(
        `${display(dir)} is a file, where the workspace needs a folder of records: move it away or rename it`,
      );
    const trouble = describeSystemError(error, false);
    throw new EnvironmentError(`the workspace folder ${display(dir)}/ ${trouble.reason}: ${trouble.hint}`);
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // A link to a folder is not followed (a link loop would never end); a link to a file is read like a file.
    if (entry.isDirectory()) listYamlFiles(full, display, out);
    else if (/\.ya?ml$/i.test(entry.name) && !entry.name.startsWith(".")) out.push(full);
  }
  // Plain code-point order: the same on every machine and locale.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
