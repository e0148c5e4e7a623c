import type { PromptChoice, Prompter } from "../commands/prompter.js";
import { UsageError } from "../errors.js";

/**
 * The Prompter of a real terminal, backed by inquirer. inquirer is imported on
 * the first question only, so commands that never ask anything start as fast
 * as before.
 */
export function inquirerPrompter(): Prompter {
  return {
    input: (q) => ask<string>({ type: "input", message: q.message, default: q.default, validate: q.validate }),
    select: <T>(q: { message: string; choices: readonly PromptChoice<T>[]; default?: T }) =>
      ask<T>({
        type: "select",
        message: q.message,
        choices: q.choices.map(({ name, value, description }) => ({ name, value, description })),
        default: q.default,
        loop: false,
      }),
    // inquirer throws "No selectable choices" on an empty list: nothing to tick is an empty answer.
    checkbox: <T>(q: { message: string; choices: readonly PromptChoice<T>[] }) =>
      q.choices.length === 0
        ? Promise.resolve([])
        : ask<T[]>({
            type: "checkbox",
            message: q.message,
            choices: q.choices.map(({ name, value, description, checked }) => ({ name, value, description, checked })),
            loop: false,
          }),
    confirm: (q) => ask<boolean>({ type: "confirm", message: q.message, default: q.default }),
  };
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
