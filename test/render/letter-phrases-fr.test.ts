import { describe, expect, it } from "vitest";
import { ofName } from "../../src/render/letter-phrases-fr.js";

describe("French 'de' before a name", () => {
  it.each([
    ["Ljubljana", "de Ljubljana"],
    ["Etterbeek", "d'Etterbeek"],
    ["Anvers", "d'Anvers"],
    ["Ypres", "d'Ypres"],
    ["Hambourg", "de Hambourg"],
    ["Le Monde des Possibles", "du Monde des Possibles"],
    ["Les Amis du Quartier", "des Amis du Quartier"],
    ["La Ville de Liège", "de la Ville de Liège"],
    ["L'Atelier", "de l'Atelier"],
    ["REVES aisbl", "de REVES aisbl"],
  ])("%s → %s", (name, words) => expect(ofName(name)).toBe(words));
});
