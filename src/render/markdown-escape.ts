// Text made safe for one spot of a Markdown document (CommonMark + GFM):
// it stays text, never becomes markup, HTML, a link or a new table cell.

/** Inline text: one line; Markdown punctuation backslash-escaped; `<`, `>`, `&` as entities (no raw HTML). */
export function mdInline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]~#|$]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A table cell's text: inline text, several parts joined by " · " (a cell has one line). An empty cell stays empty. */
export function mdCell(parts: string | readonly string[]): string {
  return (typeof parts === "string" ? [parts] : parts).map(mdInline).filter(Boolean).join(" · ");
}

/**
 * A link written as an autolink `<https://…>`: no escapes apply inside one,
 * so the URL is normalised and the characters that could end it or split a
 * table cell are percent-encoded. Anything but http(s) stays plain text.
 */
export function mdUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return mdInline(url);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return mdInline(url);
  const safe = parsed.href.replace(
    /[|<>`\\\s"]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `<${safe}>`;
}

// CommonMark's email autolink grammar.
const EMAIL_AUTOLINK =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** An e-mail address as an autolink when it is one CommonMark accepts (and holds no `|`), else plain text. */
export function mdEmail(email: string): string {
  return EMAIL_AUTOLINK.test(email) && !/[|`]/.test(email) ? `<${email}>` : mdInline(email);
}

// Words that open a statement in a Mermaid gantt: a task named like one would become that statement.
const GANTT_KEYWORDS =
  /^(title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|click|acctitle|accdescr|inclusiveenddates|topaxis|displaymode|gantt)\b/i;

/**
 * A label inside a ```mermaid gantt block: one line, without the characters
 * that end a task name (`:`), start a comment or entity (`%`, `#`), separate
 * statements (`;`), close the code fence (a backtick) or could be HTML.
 */
export function mermaidLabel(text: string): string {
  const clean = text
    .replace(/\s+/g, " ")
    .replace(/:/g, " -")
    .replace(/[;#%`<>&"{}[\]\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (clean === "") return "item";
  return GANTT_KEYWORDS.test(clean) ? `- ${clean}` : clean;
}
