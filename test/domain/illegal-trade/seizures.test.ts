import { parse } from 'csv-parse/sync';
import {
  ILLEGAL_TRADE_COLUMNS,
  checkSeizure,
  illegalTradeCells,
  illegalTradeCsvHeader,
  illegalTradeCsvLine,
  seizureYear,
  type Seizure,
  type SeizureInput,
} from '../../../domain/illegal-trade';

const scales: SeizureInput = {
  date: '2025-03-01',
  reference: 'KRA/JKIA/2025/041',
  scientificName: 'Smutsia temminckii',
  appendix: 'I',
  term: 'SCA',
  description: 'scales in 12 bags',
  quantity: 412.5,
  unit: 'KIL',
  countryOfOrigin: 'UG',
  countryOfExport: 'KE',
  countriesOfTransit: ['AE', 'TH'],
  countryOfDestination: 'VN',
  location: 'Nairobi JKIA, cargo terminal',
  detectionMethod: 'x-ray',
  transportMode: 'air',
  concealment: 'declared as cashew nuts',
  detectedBy: 'Kenya Revenue Authority, customs',
  offenderNationalities: ['KE', 'VN'],
  legalAction: 'two arrests; prosecution pending',
  disposal: 'held as evidence',
  notes: 'joint operation with KWS',
};

describe('checkSeizure', () => {
  it.each<[string, Partial<SeizureInput>, string[]]>([
    ['a complete record', {}, []],
    [
      'only what is required',
      { reference: undefined, appendix: undefined, countriesOfTransit: undefined },
      [],
    ],
    ['a number of specimens (no unit)', { term: 'LIV', unit: undefined }, []],
    ['a number of specimens (null unit)', { term: 'LIV', unit: null }, []],
    ['a day that does not exist', { date: '2025-02-30' }, ['/date invalid-date']],
    ['not a date', { date: 'yesterday' }, ['/date invalid-date']],
    ['a date after today', { date: '2025-06-02' }, ['/date date-in-future']],
    ['an unknown term', { term: 'XYZ' }, ['/term unknown-term']],
    ['an unknown unit', { unit: 'BAR' }, ['/unit unknown-unit']],
    ['scales in litres', { unit: 'LTR' }, ['/unit term-unit-not-allowed']],
    ['no quantity', { quantity: 0 }, ['/quantity quantity-not-positive']],
    ['Appendix IV', { appendix: 'IV' as never }, ['/appendix unknown-appendix']],
    ['not listed (N)', { appendix: 'N' }, []],
    ['an unknown country of origin', { countryOfOrigin: 'QQ' }, ['/countryOfOrigin unknown-country']],
    [
      'a former country code for destination',
      { countryOfDestination: 'SU' },
      ['/countryOfDestination unknown-country'],
    ],
    [
      'one bad transit country',
      { countriesOfTransit: ['AE', 'XX'] },
      ['/countriesOfTransit/1 unknown-country'],
    ],
    ['a bad nationality', { offenderNationalities: ['ZZ'] }, ['/offenderNationalities/0 unknown-country']],
  ])('%s', (_name, change, expected) => {
    expect(checkSeizure({ ...scales, ...change }, '2025-06-01').map((i) => `${i.path} ${i.code}`)).toEqual(
      expected,
    );
  });

  it('counts a seizure in the year of its date', () => {
    expect(seizureYear({ date: '2024-12-31' })).toBe(2024);
  });
});

describe('the illegal trade report file', () => {
  const recorded: Seizure = {
    ...scales,
    id: '00000000-0000-4000-8000-000000000001',
    party: 'KE',
    recordedBy: 'customs@demo.test',
    recordedAt: new Date('2025-03-01T10:00:00Z'),
  };

  it('writes one row per seizure in the column order, several countries separated by ;', () => {
    expect(illegalTradeCsvHeader()).toBe(`${ILLEGAL_TRADE_COLUMNS.join(',')}\n`);
    expect(illegalTradeCsvLine(recorded)).toBe(
      '2025,2025-03-01,KRA/JKIA/2025/041,Smutsia temminckii,I,SCA,scales in 12 bags,412.5,KIL,UG,KE,AE;TH,VN,' +
        '"Nairobi JKIA, cargo terminal",x-ray,air,declared as cashew nuts,"Kenya Revenue Authority, customs",KE;VN,' +
        'two arrests; prosecution pending,held as evidence,joint operation with KWS\n',
    );
  });

  it('leaves what is not known empty, and reads back to the same cells', () => {
    const sparse: Seizure = {
      id: '00000000-0000-4000-8000-000000000002',
      party: 'KE',
      date: '2025-07-09',
      scientificName: 'Python regius',
      term: 'LIV',
      quantity: 3,
      location: 'Busia border post',
      detectedBy: 'KWS, "canine unit"',
      recordedBy: 'ma@demo.test',
      recordedAt: new Date('2025-07-09T12:00:00Z'),
    };
    const [record] = parse(illegalTradeCsvHeader() + illegalTradeCsvLine(sparse), {
      columns: true,
    }) as Record<string, string>[];
    expect(record).toEqual(illegalTradeCells(sparse));
    expect(record).toMatchObject({
      Year: '2025',
      UnitCode: '',
      CountriesOfTransit: '',
      DetectedBy: 'KWS, "canine unit"',
      LegalAction: '',
    });
  });
});
