// The languages a letter can be written in: those with a bundled template
// and phrases (a native-sounding letter needs both, not a word-for-word copy).

export const LETTER_LANGUAGES = ["en", "fr", "nl", "de", "es", "it", "pl"] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export function isLetterLanguage(code: string): code is LetterLanguage {
  return (LETTER_LANGUAGES as readonly string[]).includes(code);
}
