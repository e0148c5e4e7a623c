import { relative, resolve, sep } from "node:path";
import { agendaFileSchema, type AgendaFile } from "./agenda-schema.js";
import type { Problem } from "./problem.js";
import {
  fileProblem,
  isContentFailure,
  MAX_RECORD_BYTES,
  readTextFile,
  type TextFileFailure,
} from "./read-text-file.js";
import { parseYaml, type YamlSource } from "./yaml-source.js";
import { zodProblems } from "./zod-problems.js";

export interface ReadAgendaFile {
  /** the path as shown in messages (relative to the working folder) */
  display: string;
  /** set when the file parses and matches the schema */
  file?: AgendaFile;
  /** positions in the file, for the problems found later (rules, unknown ids) */
  source?: YamlSource;
  problems: Problem[];
  /** set when there is no readable file at the path at all (missing, a folder, a FIFO, no permission) */
  failure?: TextFileFailure;
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

/**
 * Read an agenda file (maybe edited by hand). An agenda is a record: bad bytes
 * or a file too large are positioned problems; a path that leads to no
 * readable file comes back as `failure`, for the caller's exit-2 message.
 */
export function readAgendaFile(path: string, cwd: string): ReadAgendaFile {
  const abs = resolve(cwd, path);
  const display = relative(cwd, abs).split(sep).join("/") || abs;
  const read = readTextFile(abs, { maxBytes: MAX_RECORD_BYTES, what: "an agenda file" });
  if (read.failure) {
    if (isContentFailure(read.failure)) return { display, problems: [fileProblem(display, read.failure)] };
    return { display, problems: [], failure: read.failure };
  }
  return parseAgendaYaml(display, read.text);
}
