/**
 * A small hand-written checklist so a fresh installation can search species before anyone imports the
 * full Index of CITES Species. Listings are the current ones for these well-known taxa; an import of
 * the checklist replaces every entry that carries a Species+ id (same `id`).
 *
 * The four African pangolins carry their current genera (Phataginus, Smutsia); the 2017 checklist still
 * has them under Manis, which stays as a synonym. Their current Species+ ids are not recorded here.
 */
import type { Appendix, CountryCode, IsoDate, Kingdom } from '../codes/types';
import { dropUndefined } from './objects';
import type { CitesListing, HigherTaxonomy, PopulationListing, Taxon, TaxonRank } from './taxon';

interface SeedSpec {
  readonly name: string;
  readonly speciesPlusId?: number;
  readonly author?: string;
  readonly rank?: TaxonRank;
  readonly kingdom: Kingdom;
  readonly taxonomy: HigherTaxonomy;
  readonly appendices: readonly Appendix[];
  readonly notCoveredInPart?: boolean;
  readonly populations?: readonly PopulationListing[];
  readonly effectiveFrom?: IsoDate;
  readonly annotation?: string;
  readonly hash?: { symbol: string; text: string };
  readonly synonyms?: readonly string[];
  readonly en: readonly string[];
  readonly fr: readonly string[];
  readonly es: readonly string[];
}

const PANGOLINS: HigherTaxonomy = {
  phylum: 'Chordata',
  class: 'Mammalia',
  order: 'Pholidota',
  family: 'Manidae',
};
const ELEPHANTS: HigherTaxonomy = {
  phylum: 'Chordata',
  class: 'Mammalia',
  order: 'Proboscidea',
  family: 'Elephantidae',
};
const CATS: HigherTaxonomy = { phylum: 'Chordata', class: 'Mammalia', order: 'Carnivora', family: 'Felidae' };
const STURGEONS: HigherTaxonomy = {
  phylum: 'Chordata',
  class: 'Actinopteri',
  order: 'Acipenseriformes',
  family: 'Acipenseridae',
};
const ORCHIDS: HigherTaxonomy = { order: 'Orchidales', family: 'Orchidaceae' };
/** CoP17 decisions (pangolins, grey parrot) entered into force on this date. */
const COP17_IN_FORCE = '2017-01-02';

/** The Party populations of the African elephant listed in Appendix II. */
const ELEPHANT_APPENDIX_II: readonly CountryCode[] = ['BW', 'NA', 'ZA', 'ZW'];
/** The Nile crocodile populations transferred to Appendix II (ranching or quotas). */
const NILE_CROCODILE_APPENDIX_II: readonly CountryCode[] = [
  'BW',
  'EG',
  'ET',
  'KE',
  'MG',
  'MW',
  'MZ',
  'NA',
  'TZ',
  'UG',
  'ZA',
  'ZM',
  'ZW',
];

const SPECS: readonly SeedSpec[] = [
  {
    name: 'Manis crassicaudata',
    speciesPlusId: 9849,
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    en: ['Indian pangolin', 'Thick-tailed pangolin'],
    fr: ['Pangolin indien', "Grand pangolin de l'Inde"],
    es: ['Pangolín indio'],
  },
  {
    name: 'Manis culionensis',
    speciesPlusId: 5098,
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    en: ['Philippine pangolin', 'Palawan pangolin'],
    fr: ['Pangolin des Philippines'],
    es: ['Pangolín filipino'],
  },
  {
    name: 'Manis javanica',
    speciesPlusId: 5034,
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    en: ['Sunda pangolin', 'Malayan pangolin'],
    fr: ['Pangolin javanais', 'Pangolin malais'],
    es: ['Pangolín malayo'],
  },
  {
    name: 'Manis pentadactyla',
    speciesPlusId: 5373,
    author: 'Linnaeus, 1758',
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    en: ['Chinese pangolin'],
    fr: ['Pangolin de Chine'],
    es: ['Pangolín chino'],
  },
  {
    name: 'Phataginus tetradactyla',
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    synonyms: ['Manis tetradactyla', 'Uromanis tetradactyla'],
    en: ['Black-bellied pangolin', 'Long-tailed pangolin'],
    fr: ['Pangolin à longue queue'],
    es: ['Pangolín de cola larga'],
  },
  {
    name: 'Phataginus tricuspis',
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    synonyms: ['Manis tricuspis'],
    en: ['White-bellied pangolin', 'Tree pangolin'],
    fr: ['Pangolin à écailles tricuspides', 'Pangolin commun'],
    es: ['Pangolín arborícola'],
  },
  {
    name: 'Smutsia gigantea',
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    synonyms: ['Manis gigantea'],
    en: ['Giant pangolin', 'Giant ground pangolin'],
    fr: ['Pangolin géant'],
    es: ['Pangolín gigante'],
  },
  {
    name: 'Smutsia temminckii',
    kingdom: 'Animalia',
    taxonomy: PANGOLINS,
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    synonyms: ['Manis temminckii'],
    en: ["Temminck's ground pangolin", 'Cape pangolin'],
    fr: ['Pangolin de Temminck'],
    es: ['Pangolín de Temminck'],
  },
  {
    name: 'Loxodonta africana',
    speciesPlusId: 4521,
    author: '(Blumenbach, 1797)',
    kingdom: 'Animalia',
    taxonomy: ELEPHANTS,
    appendices: ['I', 'II'],
    populations: [
      {
        appendix: 'I',
        exceptCountries: ELEPHANT_APPENDIX_II,
        note: 'All populations except those in Appendix II.',
      },
      {
        appendix: 'II',
        countries: ELEPHANT_APPENDIX_II,
        note:
          'Populations of Botswana, Namibia, South Africa and Zimbabwe, for the exclusive purposes set out in ' +
          'the annotation (hunting trophies, certain live animals, hides, hair, leather goods and registered ' +
          'raw ivory under strict conditions); all other specimens are treated as Appendix I.',
      },
    ],
    synonyms: ['Loxodonta cyclotis'],
    en: ['African elephant', 'African savanna elephant'],
    fr: ["Éléphant d'Afrique", 'Éléphant africain'],
    es: ['Elefante africano'],
  },
  {
    name: 'Elephas maximus',
    speciesPlusId: 5690,
    author: 'Linnaeus, 1758',
    kingdom: 'Animalia',
    taxonomy: ELEPHANTS,
    appendices: ['I'],
    en: ['Asian elephant', 'Indian elephant'],
    fr: ["Éléphant d'Asie"],
    es: ['Elefante asiático'],
  },
  {
    name: 'Panthera pardus',
    speciesPlusId: 8619,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: CATS,
    appendices: ['I'],
    en: ['Leopard'],
    fr: ['Léopard', 'Panthère'],
    es: ['Leopardo'],
  },
  {
    name: 'Panthera leo',
    speciesPlusId: 6353,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: CATS,
    appendices: ['I', 'II'],
    populations: [
      { appendix: 'I', countries: ['IN'], note: 'Populations of India.' },
      {
        appendix: 'II',
        exceptCountries: ['IN'],
        note:
          'All other populations. Zero annual export quota for bones, bone pieces, claws, skeletons, skulls ' +
          'and teeth removed from the wild and traded for commercial purposes.',
      },
    ],
    en: ['Lion', 'African lion'],
    fr: ['Lion'],
    es: ['León'],
  },
  {
    name: 'Panthera tigris',
    speciesPlusId: 6047,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: CATS,
    appendices: ['I'],
    en: ['Tiger'],
    fr: ['Tigre'],
    es: ['Tigre'],
  },
  {
    name: 'Acinonyx jubatus',
    speciesPlusId: 8935,
    author: '(Schreber, 1775)',
    kingdom: 'Animalia',
    taxonomy: CATS,
    appendices: ['I'],
    annotation:
      'Annual export quotas for live specimens and hunting trophies: Botswana 5, Namibia 150, Zimbabwe 50.',
    en: ['Cheetah'],
    fr: ['Guépard'],
    es: ['Guepardo'],
  },
  {
    name: 'Panthera onca',
    speciesPlusId: 6385,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: CATS,
    appendices: ['I'],
    en: ['Jaguar'],
    fr: ['Jaguar'],
    es: ['Jaguar', 'Yaguar'],
  },
  {
    name: 'Crocodylus niloticus',
    speciesPlusId: 10745,
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Reptilia', order: 'Crocodylia', family: 'Crocodylidae' },
    appendices: ['I', 'II'],
    populations: [
      {
        appendix: 'I',
        exceptCountries: NILE_CROCODILE_APPENDIX_II,
        note: 'All populations except those in Appendix II.',
      },
      {
        appendix: 'II',
        countries: NILE_CROCODILE_APPENDIX_II,
        note:
          'Populations of Botswana, Egypt (zero quota for wild specimens traded for commercial purposes), ' +
          'Ethiopia, Kenya, Madagascar, Malawi, Mozambique, Namibia, South Africa, Uganda, United Republic ' +
          'of Tanzania, Zambia and Zimbabwe.',
      },
    ],
    en: ['Nile crocodile', 'African crocodile'],
    fr: ['Crocodile du Nil'],
    es: ['Cocodrilo del Nilo'],
  },
  {
    name: 'Alligator mississippiensis',
    speciesPlusId: 6810,
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Reptilia', order: 'Crocodylia', family: 'Alligatoridae' },
    appendices: ['II'],
    en: ['American alligator'],
    fr: ['Alligator du Mississippi'],
    es: ['Aligátor americano', 'Caimán del Misisipi'],
  },
  {
    name: 'Acipenser baerii',
    speciesPlusId: 9647,
    kingdom: 'Animalia',
    taxonomy: STURGEONS,
    appendices: ['II'],
    en: ['Siberian sturgeon'],
    fr: ['Esturgeon sibérien'],
    es: ['Esturión siberiano'],
  },
  {
    name: 'Acipenser gueldenstaedtii',
    speciesPlusId: 3058,
    kingdom: 'Animalia',
    taxonomy: STURGEONS,
    appendices: ['II'],
    en: ['Russian sturgeon', 'Danube sturgeon'],
    fr: ['Esturgeon russe', 'Esturgeon du Danube'],
    es: ['Esturión ruso'],
  },
  {
    name: 'Acipenser sturio',
    speciesPlusId: 3464,
    author: 'Linnaeus, 1758',
    kingdom: 'Animalia',
    taxonomy: STURGEONS,
    appendices: ['I'],
    en: ['Common sturgeon', 'European sea sturgeon', 'Baltic sturgeon'],
    fr: ['Esturgeon européen', 'Esturgeon commun'],
    es: ['Esturión común', 'Esturión europeo'],
  },
  {
    name: 'Acipenser brevirostrum',
    speciesPlusId: 5777,
    kingdom: 'Animalia',
    taxonomy: STURGEONS,
    appendices: ['I'],
    en: ['Shortnose sturgeon'],
    fr: ['Esturgeon à museau court'],
    es: ['Esturión hociquicorto'],
  },
  {
    name: 'Huso huso',
    speciesPlusId: 6061,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: STURGEONS,
    appendices: ['II'],
    en: ['Beluga', 'Great sturgeon'],
    fr: ['Grand esturgeon', 'Béluga'],
    es: ['Beluga', 'Esturión beluga'],
  },
  {
    name: 'Phalaenopsis',
    speciesPlusId: 12827,
    rank: 'GENUS',
    kingdom: 'Plantae',
    taxonomy: ORCHIDS,
    appendices: ['II'],
    annotation:
      'Included in Orchidaceae spp. Artificially propagated hybrids of the genus are not subject to the ' +
      'Convention when they meet the conditions of the orchid annotation (labelled, no wild-collected plants).',
    en: ['Moth orchids'],
    fr: ['Orchidées papillons'],
    es: ['Orquídeas mariposa'],
  },
  {
    name: 'Paphiopedilum',
    speciesPlusId: 12962,
    rank: 'GENUS',
    kingdom: 'Plantae',
    taxonomy: ORCHIDS,
    appendices: ['I'],
    en: ['Asian slipper orchids', "Lady's slipper orchids"],
    fr: ['Sabots de Vénus'],
    es: ['Zapatillas de Venus'],
  },
  {
    name: 'Swietenia macrophylla',
    speciesPlusId: 25938,
    author: 'King',
    kingdom: 'Plantae',
    taxonomy: { order: 'Sapindales', family: 'Meliaceae' },
    appendices: ['II'],
    notCoveredInPart: true,
    populations: [{ appendix: 'II', note: 'Populations of the Neotropics.', effectiveFrom: '2003-11-15' }],
    effectiveFrom: '2003-11-15',
    hash: { symbol: '#6', text: 'Logs, sawn wood, veneer sheets and plywood.' },
    en: ['Big-leaf mahogany', 'Honduras mahogany'],
    fr: ['Acajou à grandes feuilles'],
    es: ['Caoba', 'Caoba de hoja ancha'],
  },
  {
    name: 'Psittacus erithacus',
    speciesPlusId: 9644,
    author: 'Linnaeus, 1758',
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Aves', order: 'Psittaciformes', family: 'Psittacidae' },
    appendices: ['I'],
    effectiveFrom: COP17_IN_FORCE,
    en: ['Grey parrot', 'African grey parrot'],
    fr: ['Perroquet jaco', 'Perroquet gris'],
    es: ['Loro gris africano', 'Yaco'],
  },
  {
    name: 'Ailuropoda melanoleuca',
    speciesPlusId: 3057,
    author: '(David, 1869)',
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Mammalia', order: 'Carnivora', family: 'Ursidae' },
    appendices: ['I'],
    en: ['Giant panda'],
    fr: ['Grand panda', 'Panda géant'],
    es: ['Panda gigante'],
  },
  {
    name: 'Gorilla gorilla',
    speciesPlusId: 7116,
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Mammalia', order: 'Primates', family: 'Hominidae' },
    appendices: ['I'],
    en: ['Western gorilla'],
    fr: ["Gorille de l'Ouest"],
    es: ['Gorila occidental'],
  },
  {
    name: 'Diceros bicornis',
    speciesPlusId: 6656,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Mammalia', order: 'Perissodactyla', family: 'Rhinocerotidae' },
    appendices: ['I'],
    en: ['Black rhinoceros', 'Hook-lipped rhinoceros'],
    fr: ['Rhinocéros noir'],
    es: ['Rinoceronte negro'],
  },
  {
    name: 'Python regius',
    speciesPlusId: 5467,
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Reptilia', order: 'Serpentes', family: 'Pythonidae' },
    appendices: ['II'],
    en: ['Ball python', 'Royal python'],
    fr: ['Python royal'],
    es: ['Pitón real', 'Pitón bola'],
  },
  {
    name: 'Chelonia mydas',
    speciesPlusId: 11071,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Reptilia', order: 'Testudines', family: 'Cheloniidae' },
    appendices: ['I'],
    en: ['Green turtle', 'Green sea turtle'],
    fr: ['Tortue verte'],
    es: ['Tortuga verde'],
  },
  {
    name: 'Hippopotamus amphibius',
    speciesPlusId: 9229,
    author: 'Linnaeus, 1758',
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Mammalia', order: 'Artiodactyla', family: 'Hippopotamidae' },
    appendices: ['II'],
    en: ['Hippopotamus', 'Common hippopotamus'],
    fr: ['Hippopotame amphibie'],
    es: ['Hipopótamo común'],
  },
  {
    name: 'Dalbergia nigra',
    speciesPlusId: 24815,
    kingdom: 'Plantae',
    taxonomy: { order: 'Fabales', family: 'Leguminosae' },
    appendices: ['I'],
    en: ['Brazilian rosewood', 'Bahia rosewood'],
    fr: ['Palissandre du Brésil'],
    es: ['Jacarandá de Bahía'],
  },
  {
    name: 'Carcharodon carcharias',
    speciesPlusId: 11210,
    author: '(Linnaeus, 1758)',
    kingdom: 'Animalia',
    taxonomy: { phylum: 'Chordata', class: 'Elasmobranchii', order: 'Lamniformes', family: 'Lamnidae' },
    appendices: ['II'],
    en: ['Great white shark', 'White shark'],
    fr: ['Grand requin blanc'],
    es: ['Tiburón blanco'],
  },
];

function toTaxon(spec: SeedSpec): Taxon {
  const rank = spec.rank ?? 'SPECIES';
  const genus = rank === 'GENUS' ? spec.name : spec.name.split(' ')[0];
  const listing = dropUndefined<CitesListing>({
    appendices: spec.appendices,
    notCoveredInPart: spec.notCoveredInPart ?? false,
    populations: spec.populations ?? [],
    effectiveFrom: spec.effectiveFrom,
    annotation: spec.annotation,
    hashAnnotation: spec.hash,
  });
  return dropUndefined<Taxon>({
    id:
      spec.speciesPlusId !== undefined
        ? String(spec.speciesPlusId)
        : `seed:${spec.name.toLowerCase().replace(/ /g, '-')}`,
    speciesPlusId: spec.speciesPlusId,
    scientificName: spec.name,
    author: spec.author,
    rank,
    kingdom: spec.kingdom,
    higherTaxonomy: { ...spec.taxonomy, genus },
    synonyms: (spec.synonyms ?? []).map((name) => ({ name })),
    commonNames: { en: spec.en, fr: spec.fr, es: spec.es },
    listing,
    source: 'seed',
  });
}

/** The seed checklist: about thirty well-known CITES taxa with common names in English, French and Spanish. */
export const SEED_TAXA: readonly Taxon[] = Object.freeze(SPECS.map(toTaxon));
