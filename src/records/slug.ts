/** Lowercase ASCII words joined by "-": the shape of an id (`Hôtel du Midi` → `hotel-du-midi`). */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
