import type { CodeEntry, PurposeCode } from './types';

/**
 * Purpose-of-transaction codes (Box 5a), Res. Conf. 12.3. English labels follow the Resolution's
 * wording; French and Spanish labels are those of the CITES Trade Database.
 */
export const PURPOSES: readonly CodeEntry<PurposeCode>[] = [
  {
    code: 'B',
    label: {
      en: 'Breeding in captivity or artificial propagation',
      fr: 'Elevage en captivité ou reproduction artificielle',
      es: 'Cría en cautividad o reproducción artificial',
    },
  },
  { code: 'E', label: { en: 'Educational', fr: 'Education', es: 'Educativo' } },
  { code: 'G', label: { en: 'Botanical garden', fr: 'Jardin botanique', es: 'Jardín botánico' } },
  { code: 'H', label: { en: 'Hunting trophy', fr: 'Trophée de chasse', es: 'Trofeo de caza' } },
  {
    code: 'L',
    label: {
      en: 'Law enforcement / judicial / forensic',
      fr: 'Application de la loi / fins judiciaires / police scientifique',
      es: 'Aplicación de la ley / judicial / forense',
    },
  },
  {
    code: 'M',
    label: {
      en: 'Medical (including biomedical research)',
      fr: 'Fins médicales (y compris la recherche biomédicale)',
      es: 'Médico (inclusive la investigación biomédica)',
    },
  },
  {
    code: 'N',
    label: {
      en: 'Reintroduction or introduction into the wild',
      fr: 'Réintroduction ou introduction dans la nature',
      es: 'Reintroducción o introducción en el medio silvestre',
    },
  },
  { code: 'P', label: { en: 'Personal', fr: 'Fins personnelles', es: 'Objeto personal' } },
  {
    code: 'Q',
    label: {
      en: 'Circus or travelling exhibition',
      fr: 'Cirque et exposition itinérante',
      es: 'Circo y exhibición itinerante',
    },
  },
  { code: 'S', label: { en: 'Scientific', fr: 'Fins scientifiques', es: 'Científico' } },
  { code: 'T', label: { en: 'Commercial', fr: 'Transaction commerciale', es: 'Comercial' } },
  { code: 'Z', label: { en: 'Zoo', fr: 'Parc zoologique', es: 'Parque zoológico' } },
];

/** The purpose codes, in alphabetical order. */
export const PURPOSE_CODES: readonly PurposeCode[] = PURPOSES.map((entry) => entry.code);
