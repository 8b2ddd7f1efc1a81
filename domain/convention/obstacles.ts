import type { LocalizedText } from '../codes/types';

/**
 * Reasons the Convention does not allow the requested document for the trade as described. Unlike a
 * requirement, no finding can overcome an obstacle: the applicant has to change the document type, the
 * purpose or the source.
 */
export const OBSTACLE_CODES = [
  'appendix-iii-non-listing-state-needs-certificate-of-origin',
  'certificate-of-origin-from-listing-state',
  'certificate-of-origin-only-for-appendix-iii',
  'listing-state-unknown',
  'appendix-i-primarily-commercial',
  'appendix-i-commercial-production-needs-source-d',
  'introduction-from-the-sea-needs-source-x',
  'pre-convention-needs-source-o',
  'captive-breeding-certificate-needs-source-c',
  'artificial-propagation-certificate-needs-source-a',
  'travelling-exhibition-specimens-not-exempt',
  'ownership-needs-personal-purpose',
] as const;

/** Why a requested document cannot be issued for the trade (see {@link OBSTACLE_CODES}). */
export type ObstacleCode = (typeof OBSTACLE_CODES)[number];

/** The field of an application the applicant has to change to clear the obstacle. */
export type ObstacleField = 'documentType' | 'purpose' | 'source';

/** The field each obstacle points at, so a form can show it next to the right input. */
export const OBSTACLE_FIELD: Readonly<Record<ObstacleCode, ObstacleField>> = {
  'appendix-iii-non-listing-state-needs-certificate-of-origin': 'documentType',
  'certificate-of-origin-from-listing-state': 'documentType',
  'certificate-of-origin-only-for-appendix-iii': 'documentType',
  'listing-state-unknown': 'documentType',
  'appendix-i-primarily-commercial': 'purpose',
  'appendix-i-commercial-production-needs-source-d': 'source',
  'introduction-from-the-sea-needs-source-x': 'source',
  'pre-convention-needs-source-o': 'source',
  'captive-breeding-certificate-needs-source-c': 'source',
  'artificial-propagation-certificate-needs-source-a': 'source',
  'travelling-exhibition-specimens-not-exempt': 'source',
  'ownership-needs-personal-purpose': 'purpose',
};

/** The explanation shown to applicants and officers, without the article (it travels beside it). */
export const OBSTACLE_MESSAGES: Readonly<Record<ObstacleCode, LocalizedText>> = {
  'appendix-iii-non-listing-state-needs-certificate-of-origin': {
    en: 'An Appendix-III specimen exported from a State that did not list the species needs a certificate of origin, not an export permit.',
    fr: "Un spécimen de l'Annexe III exporté par un État qui n'a pas inscrit l'espèce nécessite un certificat d'origine, et non un permis d'exportation.",
    es: 'Un espécimen del Apéndice III exportado desde un Estado que no incluyó la especie necesita un certificado de origen, no un permiso de exportación.',
  },
  'certificate-of-origin-from-listing-state': {
    en: 'The State that listed the species in Appendix III issues an export permit, not a certificate of origin.',
    fr: "L'État qui a inscrit l'espèce à l'Annexe III délivre un permis d'exportation, et non un certificat d'origine.",
    es: 'El Estado que incluyó la especie en el Apéndice III expide un permiso de exportación, no un certificado de origen.',
  },
  'certificate-of-origin-only-for-appendix-iii': {
    en: 'A certificate of origin is issued only for specimens of species in Appendix III.',
    fr: "Un certificat d'origine n'est délivré que pour des spécimens d'espèces inscrites à l'Annexe III.",
    es: 'Un certificado de origen solo se expide para especímenes de especies incluidas en el Apéndice III.',
  },
  'listing-state-unknown': {
    en: 'Whether the exporting State listed the species in Appendix III decides which document applies, and it is not known.',
    fr: "Le document applicable dépend de l'inscription de l'espèce à l'Annexe III par l'État d'exportation, qui n'est pas connue.",
    es: 'El documento aplicable depende de si el Estado de exportación incluyó la especie en el Apéndice III, lo que no se conoce.',
  },
  'appendix-i-primarily-commercial': {
    en: 'Specimens of Appendix-I species may not be traded for primarily commercial purposes (purpose T).',
    fr: "Les spécimens d'espèces de l'Annexe I ne peuvent pas être commercialisés à des fins principalement commerciales (but T).",
    es: 'Los especímenes de especies del Apéndice I no pueden comercializarse con fines primordialmente comerciales (propósito T).',
  },
  'appendix-i-commercial-production-needs-source-d': {
    en: 'Appendix-I specimens bred in captivity or artificially propagated for commercial purposes are traded as source D under an export permit, not under a certificate.',
    fr: "Les spécimens de l'Annexe I élevés en captivité ou reproduits artificiellement à des fins commerciales sont commercialisés en source D sous permis d'exportation, et non sous certificat.",
    es: 'Los especímenes del Apéndice I criados en cautividad o reproducidos artificialmente con fines comerciales se comercian con origen D y permiso de exportación, no con un certificado.',
  },
  'introduction-from-the-sea-needs-source-x': {
    en: 'A certificate of introduction from the sea covers specimens taken in the marine environment not under the jurisdiction of any State (source X).',
    fr: "Un certificat d'introduction en provenance de la mer couvre des spécimens pris dans le milieu marin ne relevant de la juridiction d'aucun État (source X).",
    es: 'Un certificado de introducción procedente del mar ampara especímenes capturados en el medio marino fuera de la jurisdicción de cualquier Estado (origen X).',
  },
  'pre-convention-needs-source-o': {
    en: 'A pre-Convention certificate covers pre-Convention specimens (source O).',
    fr: 'Un certificat pré-Convention couvre des spécimens pré-Convention (source O).',
    es: 'Un certificado preconvención ampara especímenes preconvención (origen O).',
  },
  'captive-breeding-certificate-needs-source-c': {
    en: 'A captive-breeding certificate covers animals bred in captivity (source C).',
    fr: "Un certificat d'élevage en captivité couvre des animaux élevés en captivité (source C).",
    es: 'Un certificado de cría en cautividad ampara animales criados en cautividad (origen C).',
  },
  'artificial-propagation-certificate-needs-source-a': {
    en: 'A certificate of artificial propagation covers artificially propagated plants (source A).',
    fr: 'Un certificat de reproduction artificielle couvre des plantes reproduites artificiellement (source A).',
    es: 'Un certificado de reproducción artificial ampara plantas reproducidas artificialmente (origen A).',
  },
  'travelling-exhibition-specimens-not-exempt': {
    en: 'A travelling-exhibition certificate covers only pre-Convention, captive-bred or artificially propagated specimens (sources O, C, D, A).',
    fr: "Un certificat d'exposition itinérante ne couvre que des spécimens pré-Convention, élevés en captivité ou reproduits artificiellement (sources O, C, D, A).",
    es: 'Un certificado de exhibición itinerante solo ampara especímenes preconvención, criados en cautividad o reproducidos artificialmente (orígenes O, C, D, A).',
  },
  'ownership-needs-personal-purpose': {
    en: 'A certificate of ownership covers personally owned specimens moved for personal purposes (purpose P).',
    fr: 'Un certificat de propriété couvre des spécimens appartenant à un particulier et déplacés à des fins personnelles (but P).',
    es: 'Un certificado de propiedad ampara especímenes de propiedad personal trasladados con fines personales (propósito P).',
  },
};
