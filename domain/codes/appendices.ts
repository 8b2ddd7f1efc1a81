import type { Appendix, CodeEntry } from './types';

/** The three Appendices of the Convention (Art. II), in order of protection, strictest first. */
export const APPENDICES: readonly CodeEntry<Appendix>[] = [
  { code: 'I', label: { en: 'Appendix I', fr: 'Annexe I', es: 'Apéndice I' } },
  { code: 'II', label: { en: 'Appendix II', fr: 'Annexe II', es: 'Apéndice II' } },
  { code: 'III', label: { en: 'Appendix III', fr: 'Annexe III', es: 'Apéndice III' } },
];

/** The Appendix codes as they appear in Box 10 and in annual reports. */
export const APPENDIX_CODES: readonly Appendix[] = APPENDICES.map((entry) => entry.code);
