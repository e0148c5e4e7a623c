import type { LetterPhrases } from "./letter-facts.js";
import type { LetterLanguage } from "./letter-language.js";
import { dutchPhrases } from "./letter-phrases-nl.js";
import { englishPhrases } from "./letter-phrases-en.js";
import { frenchPhrases } from "./letter-phrases-fr.js";
import { germanPhrases } from "./letter-phrases-de.js";
import { italianPhrases } from "./letter-phrases-it.js";
import { polishPhrases } from "./letter-phrases-pl.js";
import { spanishPhrases } from "./letter-phrases-es.js";

const PHRASES: Record<LetterLanguage, LetterPhrases> = {
  en: englishPhrases,
  fr: frenchPhrases,
  nl: dutchPhrases,
  de: germanPhrases,
  es: spanishPhrases,
  it: italianPhrases,
  pl: polishPhrases,
};

export function letterPhrases(language: LetterLanguage): LetterPhrases {
  return PHRASES[language];
}
