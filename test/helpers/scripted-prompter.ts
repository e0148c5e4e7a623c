import type { PromptChoice, Prompter } from "../../src/commands/prompter.js";

/**
 * One scripted answer: `q` is a piece of the question it answers (so a script
 * that drifts out of step with the wizard fails at once, naming both), `a` the
 * answer: text for input (`""` takes the default), a choice's value (or its
 * exact label) for select, a list of values for checkbox, true/false for confirm.
 */
export interface ScriptedAnswer {
  q: string | RegExp;
  a: unknown;
}

export interface AskedQuestion {
  kind: "input" | "select" | "checkbox" | "confirm";
  message: string;
  answer: unknown;
  /** For input: the validation message when this answer was refused (and the question asked again). */
  rejected?: string;
  choices?: unknown[];
  default?: unknown;
}

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order, with the answer given. */
  readonly asked: AskedQuestion[];
  /** Answers not used yet: a finished script should have none left. */
  remaining(): ScriptedAnswer[];
}

/** A Prompter that answers from a list and throws when asked something the list does not answer. */
export function scriptedPrompter(script: readonly ScriptedAnswer[]): ScriptedPrompter {
  const queue = [...script];
  const asked: AskedQuestion[] = [];

  const next = (kind: AskedQuestion["kind"], message: string): unknown => {
    const entry = queue.shift();
    if (!entry)
      throw new Error(`scripted prompter: no answer for ${kind} "${message}"\nasked so far:\n${transcript(asked)}`);
    const matches = typeof entry.q === "string" ? message.includes(entry.q) : entry.q.test(message);
    if (!matches)
      throw new Error(
        `scripted prompter: the next answer is for "${String(entry.q)}" but the ${kind} question is "${message}"\nasked so far:\n${transcript(asked)}`,
      );
    return entry.a;
  };

  // Like inquirer, which throws "No selectable choices" rather than ask a question nobody can answer.
  const needChoices = <T>(kind: string, message: string, choices: readonly PromptChoice<T>[]) => {
    if (choices.length === 0) throw new Error(`scripted prompter: ${kind} "${message}" has no selectable choices`);
  };

  const checkValues = <T>(message: string, choices: readonly PromptChoice<T>[], values: unknown[]) => {
    const allowed = choices.map((c) => c.value);
    for (const value of values) {
      if (!allowed.some((v) => Object.is(v, value) || JSON.stringify(v) === JSON.stringify(value))) {
        throw new Error(
          `scripted prompter: ${JSON.stringify(value)} is not a choice of "${message}" (choices: ${JSON.stringify(allowed)})`,
        );
      }
    }
  };

  return {
    asked,
    remaining: () => [...queue],
    input: async (q) => {
      // Like inquirer: a refused answer shows the message and asks again, taking the next scripted answer.
      for (;;) {
        const raw = next("input", q.message);
        if (typeof raw !== "string")
          throw new Error(`scripted prompter: input "${q.message}" needs a string answer, got ${JSON.stringify(raw)}`);
        const answer = raw === "" && q.default !== undefined ? q.default : raw;
        const verdict = q.validate ? q.validate(answer) : true;
        asked.push({
          kind: "input",
          message: q.message,
          answer,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(verdict === true ? {} : { rejected: verdict }),
        });
        if (verdict === true) return answer;
      }
    },
    select: async <T>(q: { message: string; choices: readonly PromptChoice<T>[]; default?: T }) => {
      needChoices("select", q.message, q.choices);
      const given = next("select", q.message);
      // A label is easier to read in a script than a sentinel value such as "none".
      const byName = q.choices.find(
        (c) => c.name === given && !q.choices.some((other) => Object.is(other.value, given)),
      );
      const answer = byName ? byName.value : given;
      checkValues(q.message, q.choices, [answer]);
      asked.push({
        kind: "select",
        message: q.message,
        answer,
        choices: q.choices.map((c) => c.value),
        ...(q.default !== undefined ? { default: q.default } : {}),
      });
      return answer as T;
    },
    checkbox: async <T>(q: { message: string; choices: readonly PromptChoice<T>[] }) => {
      needChoices("checkbox", q.message, q.choices);
      const answer = next("checkbox", q.message);
      if (!Array.isArray(answer))
        throw new Error(
          `scripted prompter: checkbox "${q.message}" needs a list answer, got ${JSON.stringify(answer)}`,
        );
      checkValues(q.message, q.choices, answer);
      asked.push({ kind: "checkbox", message: q.message, answer, choices: q.choices.map((c) => c.value) });
      return answer as T[];
    },
    confirm: async (q) => {
      const answer = next("confirm", q.message);
      if (typeof answer !== "boolean")
        throw new Error(`scripted prompter: confirm "${q.message}" needs true or false, got ${JSON.stringify(answer)}`);
      asked.push({
        kind: "confirm",
        message: q.message,
        answer,
        ...(q.default !== undefined ? { default: q.default } : {}),
      });
      return answer;
    },
  };
}

function transcript(asked: readonly AskedQuestion[]): string {
  return (
    asked
      .map(
        (a) =>
          `  ${a.kind} "${a.message}" -> ${JSON.stringify(a.answer)}${a.rejected ? ` (refused: ${a.rejected})` : ""}`,
      )
      .join("\n") || "  (nothing)"
  );
}
