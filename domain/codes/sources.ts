import type { CodeEntry, Kingdom, SourceCode } from './types';

/** A source code (Box 10) with the rules a form needs to offer and check it. */
export interface SourceEntry extends CodeEntry<SourceCode> {
  /** The kingdoms the code may be used for (the Trade Database rejects e.g. A for animals). */
  readonly kingdoms: readonly Kingdom[];
  /** I (confiscated) and O (pre-Convention) do not say how the specimen was produced: ask for that too. */
  readonly needsUnderlyingSource: boolean;
  /** U (unknown) is accepted only with a written justification. */
  readonly needsReason: boolean;
  /** The definition in English, as the CITES Trade Database guide gives it (Res. Conf. 12.3). */
  readonly definition: string;
}

const BOTH: readonly Kingdom[] = ['Animalia', 'Plantae'];
const ANIMALS: readonly Kingdom[] = ['Animalia'];
const PLANTS: readonly Kingdom[] = ['Plantae'];

/**
 * Source codes (Box 10), Res. Conf. 12.3, including Y (assisted production, added at CoP18 in 2019).
 * Labels are those of the CITES Trade Database; X and Y, which its code list lacks, are labelled here.
 */
export const SOURCES: readonly SourceEntry[] = [
  {
    code: 'W',
    label: { en: 'Wild', fr: 'Prélevés dans la nature', es: 'Recolectados en el medio silvestre' },
    kingdoms: BOTH,
    needsUnderlyingSource: false,
    needsReason: false,
    definition: 'Specimens taken from the wild.',
  },
  {
    code: 'R',
    label: { en: 'Ranched', fr: 'Animaux élevés en ranch', es: 'Animales criados en granjas' },
    kingdoms: ANIMALS,
    needsUnderlyingSource: false,
    needsReason: false,
    definition:
      'Ranched specimens: specimens of animals reared in a controlled environment, taken as eggs or juveniles from the wild, where they would otherwise have had a very low probability of surviving to adulthood.',
  },
  {
    code: 'D',
    label: {
      en: 'Captive-bred/artificially propagated (Appendix I)',
      fr: 'Reproduits en captivité/reproduites artificiellement (Annexe I)',
      es: 'Criados en cautividad/reproducidas artificialmente (Apéndice I)',
    },
    kingdoms: BOTH,
    needsUnderlyingSource: false,
    needsReason: false,
    definition:
      "Appendix-I animals bred in captivity for commercial purposes in operations included in the Secretariat's Register, in accordance with Resolution Conf. 12.10 (Rev. CoP15), and Appendix-I plants artificially propagated for commercial purposes, as well as parts and derivatives thereof, exported under the provisions of Article VII, paragraph 4, of the Convention.",
  },
  {
    code: 'A',
    label: {
      en: 'Artificially propagated plants',
      fr: 'Plantes reproduites artificiellement',
      es: 'Plantas reproducidas artificialmente',
    },
    kingdoms: PLANTS,
    needsUnderlyingSource: false,
    needsReason: false,
    definition:
      'Plants that are artificially propagated in accordance with Resolution Conf. 11.11 (Rev. CoP15), as well as parts and derivatives thereof, exported under the provisions of Article VII, paragraph 5, of the Convention (specimens of species included in Appendix I that have been propagated artificially for non-commercial purposes and specimens of species included in Appendices II and III).',
  },
  {
    code: 'C',
    label: {
      en: 'Captive-bred animals',
      fr: 'Animaux élevés en captivité',
      es: 'Animales criados en cautividad',
    },
    kingdoms: ANIMALS,
    needsUnderlyingSource: false,
    needsReason: false,
    definition:
      'Animals bred in captivity in accordance with Resolution Conf. 10.16 (Rev.), as well as parts and derivatives thereof, exported under the provisions of Article VII, paragraph 5, of the Convention.',
  },
  {
    code: 'F',
    label: {
      en: 'Born in captivity (F1 and subsequent)',
      fr: 'Animaux nés en captivité',
      es: 'Animales nacidos en cautividad',
    },
    kingdoms: ANIMALS,
    needsUnderlyingSource: false,
    needsReason: false,
    definition:
      "Animals born in captivity (F1 or subsequent generations) that do not fulfil the definition of 'bred in captivity' in Resolution Conf. 10.16 (Rev.), as well as parts and derivatives thereof.",
  },
  {
    code: 'Y',
    label: { en: 'Assisted production', fr: 'Production assistée', es: 'Producción asistida' },
    kingdoms: PLANTS,
    needsUnderlyingSource: false,
    needsReason: false,
    definition:
      "Specimens of plants that fall under the definition of 'assisted production' in Resolution Conf. 11.11 (Rev. CoP18), as well as parts and derivatives thereof.",
  },
  {
    code: 'I',
    label: { en: 'Confiscations/seizures', fr: 'Confisqués ou saisis', es: 'Confiscados o decomisados' },
    kingdoms: BOTH,
    needsUnderlyingSource: true,
    needsReason: false,
    definition: 'Confiscated or seized specimens',
  },
  {
    code: 'O',
    label: { en: 'Pre-Convention', fr: 'Pré-Convention', es: 'Preconvención' },
    kingdoms: BOTH,
    needsUnderlyingSource: true,
    needsReason: false,
    definition: 'Pre-Convention specimens',
  },
  {
    code: 'U',
    label: { en: 'Source unknown', fr: 'Source inconnue', es: 'Origen desconocido' },
    kingdoms: BOTH,
    needsUnderlyingSource: false,
    needsReason: true,
    definition: 'Source unknown.',
  },
  {
    code: 'X',
    label: {
      en: 'Taken in the marine environment not under the jurisdiction of any State',
      fr: "Prélevés dans le milieu marin ne relevant de la juridiction d'aucun État",
      es: 'Capturados en el medio marino fuera de la jurisdicción de cualquier Estado',
    },
    kingdoms: BOTH,
    needsUnderlyingSource: false,
    needsReason: false,
    definition: 'Specimens taken in "the marine environment not under the jurisdiction of any State".',
  },
];

/** The source codes: production sources first, then I, O and U, which need more, then X. */
export const SOURCE_CODES: readonly SourceCode[] = SOURCES.map((entry) => entry.code);
