import { readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { agendaFileSchema, type AgendaFile } from "./agenda-schema.js";
import type { Problem } from "./problem.js";
import { MAX_FILE_BYTES, oversized, parseYaml, type YamlSource } from "./yaml-source.js";
import { zodProblems } from "./zod-problems.js";

export interface ReadAgendaFile {
  /** the path as shown in messages (relative to the working folder) */
  display: string;
  /** set when the file parses and matches the schema */
  file?: AgendaFile;
  /** positions in the file, for the problems found later (rules, unknown ids) */
  source?: YamlSource;
  problems: Problem[];
}

/** Parse an agenda file's text: YAML with positions, then the agenda schema. */
export function parseAgendaYaml(display: string, text: string): ReadAgendaFile {
  const parsed = parseYaml(display, text);
  if (!parsed.source) return { display, problems: parsed.problems };
  const result = agendaFileSchema.safeParse(parsed.data);
  if (!result.success)
    return {
      display,
      source: parsed.source,
      problems: zodProblems(parsed.source, [], agendaFileSchema, result.error.issues, parsed.data),
    };
  return { display, file: result.data, source: parsed.source, problems: [] };
}

/** Read an agenda file (maybe edited by hand); `undefined` when there is no file at `path`. */
export function readAgendaFile(path: string, cwd: string): ReadAgendaFile | undefined {
  const abs = resolve(cwd, path);
  let size: number;
  try {
    const stat = statSync(abs);
    if (!stat.isFile()) return undefined;
    size = stat.size;
  } catch {
    return undefined;
  }
  const display = relative(cwd, abs).split(sep).join("/") || abs;
  if (size > MAX_FILE_BYTES) return { display, problems: [oversized(display, size)] };
  return parseAgendaYaml(display, readFileSync(abs, "utf8"));
}
