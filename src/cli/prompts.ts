import type { PromptChoice, Prompter } from "../commands/prompter.js";
import { UsageError } from "../errors.js";
import { stripControlCharacters } from "../records/control-characters.js";

/**
 * The Prompter of a real terminal, backed by inquirer. inquirer is imported on
 * the first question only, so commands that never ask anything start as fast
 * as before.
 */
export function inquirerPrompter(): Prompter {
  return {
    input: (q) =>
      ask<string>({
        type: "input",
        message: line(q.message),
        default: q.default === undefined ? undefined : line(q.default),
        validate: q.validate ? (answer: string) => cleanResult(q.validate?.(answer) ?? true) : undefined,
      }),
    select: <T>(q: { message: string; choices: readonly PromptChoice<T>[]; default?: T }) =>
      ask<T>({
        type: "select",
        message: line(q.message),
        choices: q.choices.map(({ name, value, description }) => ({
          name: line(name),
          value,
          description: description === undefined ? undefined : line(description),
        })),
        default: q.default,
        loop: false,
      }),
    // inquirer throws "No selectable choices" on an empty list: nothing to tick is an empty answer.
    checkbox: <T>(q: { message: string; choices: readonly PromptChoice<T>[] }) =>
      q.choices.length === 0
        ? Promise.resolve([])
        : ask<T[]>({
            type: "checkbox",
            message: line(q.message),
            choices: q.choices.map(({ name, value, description, checked }) => ({
              name: line(name),
              value,
              description: description === undefined ? undefined : line(description),
              checked,
            })),
            loop: false,
          }),
    confirm: (q) => ask<boolean>({ type: "confirm", message: line(q.message), default: q.default }),
  };
}

/**
 * inquirer writes to the terminal itself, past main's output sink: every text
 * it shows (choices are record names) is cleaned here, on one line.
 */
function line(text: string): string {
  return stripControlCharacters(text).replace(/[\n\t]+/g, " ");
}

function cleanResult(result: true | string): true | string {
  return result === true ? true : stripControlCharacters(result);
}

async function ask<T>(question: Record<string, unknown>): Promise<T> {
  const { default: inquirer } = await import("inquirer");
  try {
    // inquirer's question types are a deep union keyed on `type`; ours are built above from the Prompter's own types.
    const answers = (await inquirer.prompt([{ ...question, name: "answer" }] as never)) as { answer: T };
    return answers.answer;
  } catch (error) {
    // Ctrl-C or Ctrl-D at a prompt: the user chose to stop, which is not a bug.
    if (error instanceof Error && error.name === "ExitPromptError")
      throw new UsageError("cancelled: nothing was written");
    throw error;
  }
}
