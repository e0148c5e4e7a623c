/**
 * Theme matching as SPEC wants it: case, accents and a plural "s" do not
 * matter, and the workspace's synonym groups make several words one theme.
 */
export function foldTheme(theme: string): string {
  return theme
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .join(" ");
}

export interface ThemeMatcher {
  /** The canonical key of a theme: equal keys mean the same theme. */
  key(theme: string): string;
  matches(a: string, b: string): boolean;
}

export function createThemeMatcher(synonyms: readonly (readonly string[])[]): ThemeMatcher {
  const canonical = new Map<string, string>();
  for (const group of synonyms) {
    const folded = group.map(foldTheme);
    // Groups that share a word merge, so synonyms are transitive.
    const existing = folded.map((f) => canonical.get(f)).find((c) => c !== undefined);
    const head = existing ?? folded[0];
    if (head === undefined) continue;
    for (const f of folded) {
      const previous = canonical.get(f);
      if (previous !== undefined && previous !== head)
        for (const [k, v] of canonical) if (v === previous) canonical.set(k, head);
      canonical.set(f, head);
    }
  }
  // Matching runs for every host × interest × theme: remember each theme's key.
  const keys = new Map<string, string>();
  const key = (theme: string) => {
    let k = keys.get(theme);
    if (k === undefined) {
      const folded = foldTheme(theme);
      k = canonical.get(folded) ?? folded;
      keys.set(theme, k);
    }
    return k;
  };
  return { key, matches: (a, b) => key(a) === key(b) };
}
