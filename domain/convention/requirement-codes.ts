import type { LocalizedText } from '../codes/types';

/**
 * Every finding, precondition and border check the Convention attaches to a trade, as stable codes that
 * workflows turn into steps. The prefix says who acts: `sa-` the Scientific Authority, `ma-` the
 * Management Authority, `*-presented` the importing State at the border.
 */
export const REQUIREMENT_CODES = [
  'sa-non-detriment',
  'sa-export-monitoring',
  'ma-legal-acquisition',
  'ma-live-shipment-conditions',
  'ma-import-permit-granted',
  'sa-import-not-detrimental',
  'sa-recipient-suitably-equipped',
  'ma-recipient-suitably-equipped',
  'ma-not-primarily-commercial',
  'ma-imported-in-accordance',
  'ma-re-export-certified',
  'ma-origin-certified',
  'ma-pre-convention-acquisition',
  'ma-bred-in-captivity',
  'ma-artificially-propagated',
  'ma-commercial-captive-production',
  'ma-exhibition-registered',
  'ma-exhibition-specimens-qualify',
  'export-permit-presented',
  're-export-certificate-presented',
  'certificate-of-origin-presented',
] as const;

/** A finding, precondition or border check the Convention requires (see {@link REQUIREMENT_CODES}). */
export type RequirementCode = (typeof REQUIREMENT_CODES)[number];

/** Who must be satisfied: the Management Authority, the Scientific Authority, or the border control. */
export type RequirementAuthority = 'management-authority' | 'scientific-authority' | 'border';

/** The authority that acts on each requirement; it follows from the code's prefix. */
export const REQUIREMENT_AUTHORITY: Readonly<Record<RequirementCode, RequirementAuthority>> = {
  'sa-non-detriment': 'scientific-authority',
  'sa-export-monitoring': 'scientific-authority',
  'ma-legal-acquisition': 'management-authority',
  'ma-live-shipment-conditions': 'management-authority',
  'ma-import-permit-granted': 'management-authority',
  'sa-import-not-detrimental': 'scientific-authority',
  'sa-recipient-suitably-equipped': 'scientific-authority',
  'ma-recipient-suitably-equipped': 'management-authority',
  'ma-not-primarily-commercial': 'management-authority',
  'ma-imported-in-accordance': 'management-authority',
  'ma-re-export-certified': 'management-authority',
  'ma-origin-certified': 'management-authority',
  'ma-pre-convention-acquisition': 'management-authority',
  'ma-bred-in-captivity': 'management-authority',
  'ma-artificially-propagated': 'management-authority',
  'ma-commercial-captive-production': 'management-authority',
  'ma-exhibition-registered': 'management-authority',
  'ma-exhibition-specimens-qualify': 'management-authority',
  'export-permit-presented': 'border',
  're-export-certificate-presented': 'border',
  'certificate-of-origin-presented': 'border',
};

/** What each requirement asks, in the words of the Convention, for task titles and checklists. */
export const REQUIREMENT_LABELS: Readonly<Record<RequirementCode, LocalizedText>> = {
  'sa-non-detriment': {
    en: 'Scientific Authority: the trade will not be detrimental to the survival of the species (non-detriment finding)',
    fr: "Autorité scientifique : le commerce ne nuira pas à la survie de l'espèce (avis de commerce non préjudiciable)",
    es: 'Autoridad Científica: el comercio no perjudicará la supervivencia de la especie (dictamen de extracción no perjudicial)',
  },
  'sa-export-monitoring': {
    en: 'Scientific Authority: the export is counted in its monitoring of export permits granted and actual exports',
    fr: "Autorité scientifique : l'exportation est prise en compte dans le suivi des permis d'exportation délivrés et des exportations réelles",
    es: 'Autoridad Científica: la exportación se incluye en la vigilancia de los permisos de exportación concedidos y de las exportaciones reales',
  },
  'ma-legal-acquisition': {
    en: 'Management Authority: the specimen was not obtained in contravention of the laws for the protection of fauna and flora (legal acquisition finding)',
    fr: "Organe de gestion : le spécimen n'a pas été obtenu en contravention aux lois sur la préservation de la faune et de la flore (avis d'acquisition légale)",
    es: 'Autoridad Administrativa: el espécimen no fue obtenido en contravención de la legislación sobre protección de la fauna y la flora (dictamen de adquisición legal)',
  },
  'ma-live-shipment-conditions': {
    en: 'Management Authority: living specimens will be prepared, shipped and handled so as to minimise the risk of injury, damage to health or cruel treatment',
    fr: 'Organe de gestion : les spécimens vivants seront mis en état, transportés et manipulés de façon à éviter les risques de blessures, de maladie ou de traitement rigoureux',
    es: 'Autoridad Administrativa: los especímenes vivos serán acondicionados, transportados y manipulados de manera que se reduzca al mínimo el riesgo de heridas, deterioro en su salud o maltrato',
  },
  'ma-import-permit-granted': {
    en: 'Management Authority: an import permit has been granted for the specimen',
    fr: "Organe de gestion : un permis d'importation a été délivré pour le spécimen",
    es: 'Autoridad Administrativa: se ha concedido un permiso de importación para el espécimen',
  },
  'sa-import-not-detrimental': {
    en: 'Scientific Authority: the import will be for purposes not detrimental to the survival of the species',
    fr: "Autorité scientifique : l'importation se fera dans un but qui ne nuit pas à la survie de l'espèce",
    es: 'Autoridad Científica: la importación se realizará con fines que no serán perjudiciales para la supervivencia de la especie',
  },
  'sa-recipient-suitably-equipped': {
    en: 'Scientific Authority: the recipient of a living specimen is suitably equipped to house and care for it',
    fr: "Autorité scientifique : le destinataire d'un spécimen vivant a les installations adéquates pour le conserver et le traiter avec soin",
    es: 'Autoridad Científica: quien se propone recibir un espécimen vivo lo podrá albergar y cuidar adecuadamente',
  },
  'ma-recipient-suitably-equipped': {
    en: 'Management Authority: the recipient of a living specimen is suitably equipped to house and care for it',
    fr: "Organe de gestion : le destinataire d'un spécimen vivant a les installations adéquates pour le conserver et le traiter avec soin",
    es: 'Autoridad Administrativa: quien se propone recibir un espécimen vivo lo podrá albergar y cuidar adecuadamente',
  },
  'ma-not-primarily-commercial': {
    en: 'Management Authority: the specimen is not to be used for primarily commercial purposes',
    fr: 'Organe de gestion : le spécimen ne sera pas utilisé à des fins principalement commerciales',
    es: 'Autoridad Administrativa: el espécimen no será utilizado para fines primordialmente comerciales',
  },
  'ma-imported-in-accordance': {
    en: 'Management Authority: the specimen was imported in accordance with the Convention',
    fr: 'Organe de gestion : le spécimen a été importé conformément aux dispositions de la Convention',
    es: 'Autoridad Administrativa: el espécimen fue importado de conformidad con las disposiciones de la Convención',
  },
  'ma-re-export-certified': {
    en: 'Management Authority: the specimen was processed in the State of re-export or is being re-exported',
    fr: "Organe de gestion : le spécimen a été transformé dans l'État de réexportation ou est réexporté en l'état",
    es: 'Autoridad Administrativa: el espécimen fue transformado en el Estado de reexportación o se está reexportando',
  },
  'ma-origin-certified': {
    en: 'Management Authority: the origin of the specimen is certified (certificate of origin)',
    fr: "Organe de gestion : l'origine du spécimen est certifiée (certificat d'origine)",
    es: 'Autoridad Administrativa: se certifica el origen del espécimen (certificado de origen)',
  },
  'ma-pre-convention-acquisition': {
    en: 'Management Authority: the specimen was acquired before the provisions of the Convention applied to it',
    fr: 'Organe de gestion : le spécimen a été acquis avant que les dispositions de la Convention ne lui soient applicables',
    es: 'Autoridad Administrativa: el espécimen fue adquirido antes de que le fueran aplicables las disposiciones de la Convención',
  },
  'ma-bred-in-captivity': {
    en: 'Management Authority: the animal was bred in captivity, or is a part or derivative of such an animal',
    fr: "Organe de gestion : l'animal a été élevé en captivité, ou est une partie ou un produit d'un tel animal",
    es: 'Autoridad Administrativa: el animal fue criado en cautividad, o es una parte o derivado de tal animal',
  },
  'ma-artificially-propagated': {
    en: 'Management Authority: the plant was artificially propagated, or is a part or derivative of such a plant',
    fr: "Organe de gestion : la plante a été reproduite artificiellement, ou est une partie ou un produit d'une telle plante",
    es: 'Autoridad Administrativa: la planta fue reproducida artificialmente, o es una parte o derivado de tal planta',
  },
  'ma-commercial-captive-production': {
    en: 'Management Authority: the Appendix-I specimen was bred in captivity or artificially propagated for commercial purposes (animals: in an operation registered with the Secretariat)',
    fr: "Organe de gestion : le spécimen de l'Annexe I a été élevé en captivité ou reproduit artificiellement à des fins commerciales (animaux : dans un établissement enregistré auprès du Secrétariat)",
    es: 'Autoridad Administrativa: el espécimen del Apéndice I fue criado en cautividad o reproducido artificialmente con fines comerciales (animales: en un establecimiento registrado en la Secretaría)',
  },
  'ma-exhibition-registered': {
    en: 'Management Authority: the exporter or importer has registered full details of the exhibition specimens',
    fr: "Organe de gestion : l'exportateur ou l'importateur a déclaré tous les détails concernant les spécimens de l'exposition",
    es: 'Autoridad Administrativa: el exportador o importador ha registrado todos los detalles de los especímenes de la exhibición',
  },
  'ma-exhibition-specimens-qualify': {
    en: 'Management Authority: the exhibition specimens are pre-Convention, bred in captivity or artificially propagated',
    fr: "Organe de gestion : les spécimens de l'exposition sont pré-Convention, élevés en captivité ou reproduits artificiellement",
    es: 'Autoridad Administrativa: los especímenes de la exhibición son preconvención, criados en cautividad o reproducidos artificialmente',
  },
  'export-permit-presented': {
    en: 'Border: the export permit of the State of export is presented',
    fr: "Frontière : le permis d'exportation de l'État d'exportation est présenté",
    es: 'Frontera: se presenta el permiso de exportación del Estado de exportación',
  },
  're-export-certificate-presented': {
    en: 'Border: the re-export certificate of the State of re-export is presented',
    fr: "Frontière : le certificat de réexportation de l'État de réexportation est présenté",
    es: 'Frontera: se presenta el certificado de reexportación del Estado de reexportación',
  },
  'certificate-of-origin-presented': {
    en: 'Border: a certificate of origin is presented',
    fr: "Frontière : un certificat d'origine est présenté",
    es: 'Frontera: se presenta un certificado de origen',
  },
};
