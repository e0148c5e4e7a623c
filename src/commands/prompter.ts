/**
 * Questions a command may ask the user. Commands see only this interface: the
 * CLI passes one backed by inquirer on a terminal, tests pass scripted answers,
 * so no command ever reads stdin itself.
 */
export interface Prompter {
  /**
   * Free text. An empty answer returns `default` when there is one. `validate`
   * returns `true` or the message to show; the question is asked again until
   * the answer passes.
   */
  input(question: { message: string; default?: string; validate?: (answer: string) => true | string }): Promise<string>;
  /** One of `choices`; returns its value. */
  select<T>(question: { message: string; choices: readonly PromptChoice<T>[]; default?: T }): Promise<T>;
  /** Any number of `choices` (those with `checked` are ticked at first); returns their values in choice order. */
  checkbox<T>(question: { message: string; choices: readonly PromptChoice<T>[] }): Promise<T[]>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

export interface PromptChoice<T> {
  /** What the user sees. */
  name: string;
  value: T;
  /** A line shown under the list while this choice is highlighted. */
  description?: string;
  checked?: boolean;
}
