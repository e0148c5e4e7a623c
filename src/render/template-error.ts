// Apart from the renderer so that code which only recognises the error (src/commands/read-user-file.ts,
// which `check` loads) does not load Mustache.

/** A user's template that cannot be rendered: its syntax, or a size or time bound; positioned in the template. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}
