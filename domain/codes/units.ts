import type { CodeEntry, LocalizedText } from './types';

/**
 * What a unit measures. Mass, volume, length and area units convert into each other within their kind;
 * package and piece units count containers or parts, not specimens.
 */
export type UnitKind = 'mass' | 'volume' | 'length' | 'area' | 'package' | 'piece';

/**
 * Unit codes of the CITES annual-report guidelines (Box 11). Each row is code, English, French, Spanish,
 * kind, and the size of one unit in the base unit of its kind (kg, litre, metre, square metre), or null
 * where the unit does not convert. Labels are the CITES Trade Database's.
 */
const UNIT_ROWS = [
  ['BAG', 'bags', 'sacs', 'bolsas', 'package', null],
  ['BAK', 'backs', 'peaux de dos', 'dorsos de piel', 'piece', null],
  ['BOT', 'bottles', 'bouteilles', 'botellas', 'package', null],
  ['BOX', 'boxes', 'boîtes', 'cajas', 'package', null],
  ['BSK', 'bellyskins', 'peaux de ventre', 'pieles ventrales', 'piece', null],
  ['CAN', 'cans', 'bidons', 'latas', 'package', null],
  ['CAS', 'cases', 'boîtiers', 'estuches', 'package', null],
  ['CCM', 'cu.cm', 'cm3', 'centímetros cúbicos', 'volume', 0.001],
  ['CRT', 'cartons', 'cartons', 'cartones', 'package', null],
  ['CTM', 'cm', 'cm', 'centímetros', 'length', 0.01],
  ['CUF', 'cu.ft', 'pieds cubes', 'pies cúbicos', 'volume', 28.316846592],
  ['CUM', 'cu.m', 'm3', 'm3', 'volume', 1000],
  ['FEE', 'ft', 'pieds', 'pies', 'length', 0.3048],
  ['FLA', 'flasks', 'flacons', 'frascos', 'package', null],
  ['GRM', 'g', 'g', 'g', 'mass', 0.001],
  ['HRN', 'hornback skins', 'hornbacks', 'pieles dorsales', 'piece', null],
  ['INC', 'inches', 'pouces', 'pulgadas', 'length', 0.0254],
  ['ITE', 'items', 'articles', 'artículos', 'piece', null],
  ['KIL', 'kg', 'kg', 'kg', 'mass', 1],
  ['LTR', 'l', 'l', 'litros', 'volume', 1],
  ['MGM', 'milligrammes', 'mg', 'mg', 'mass', 0.000001],
  ['MLT', 'ml', 'ml', 'ml', 'volume', 0.001],
  ['MTR', 'm', 'm', 'm', 'length', 1],
  ['MYG', 'microgrammes', 'microgrammes', 'microgramos', 'mass', 0.000000001],
  ['OUN', 'oz', 'onces', 'oz', 'mass', 0.028349523125],
  ['PAI', 'pairs', 'paires', 'pares', 'piece', null],
  ['PCS', 'pieces', 'pièces', 'piezas', 'piece', null],
  ['PND', 'lbs', 'livres', 'libras', 'mass', 0.45359237],
  ['SET', 'sets', 'sets', 'sets', 'piece', null],
  ['SHP', 'shipments', 'cargaisons', 'cargamentos', 'package', null],
  ['SID', 'sides', 'flancs', 'costados', 'piece', null],
  ['SKI', '(skins)', 'peaux', 'pieles', 'piece', null],
  ['SQC', 'sq.cm', 'centimètres carrés', 'centímetros cuadrados', 'area', 0.0001],
  ['SQD', 'sq.dcm', 'décimètres carrés', 'decímetros cuadrados', 'area', 0.01],
  ['SQF', 'sq.ft', 'pieds carrés', 'pies cuadrados', 'area', 0.09290304],
  ['SQM', 'sq.m', 'mètres carrés', 'm2', 'area', 1],
  ['TON', 't', 'tonnes métriques', 'toneladas métricas', 'mass', 1000],
  ['YAR', 'yds', 'verges', 'yardas', 'length', 0.9144],
] as const;

/** A unit code, e.g. `KIL` kilograms, `PCS` pieces. */
export type UnitCode = (typeof UNIT_ROWS)[number][0];

/** A unit code with its labels, what it measures and, for measures, its size in the base unit of its kind. */
export interface UnitEntry extends CodeEntry<UnitCode> {
  readonly kind: UnitKind;
  /** Size of one unit in kg (mass), litres (volume), metres (length) or m² (area); null otherwise. */
  readonly factor: number | null;
}

/** The unit codes with their labels, in alphabetical order of code. */
export const UNITS: readonly UnitEntry[] = UNIT_ROWS.map(([code, en, fr, es, kind, factor]) => ({
  code,
  label: { en, fr, es },
  kind,
  factor,
}));

/** The unit codes, in alphabetical order. */
export const UNIT_CODES: readonly UnitCode[] = UNITS.map((entry) => entry.code);

/**
 * The absence of a unit. CITES writes no unit when the quantity is a number of specimens (e.g. 12 live
 * parrots); Pangolin stores that as `null`, never as an empty string or a made-up code.
 */
export const NUMBER_OF_SPECIMENS = null;

/** The unit of a quantity: a unit code, or {@link NUMBER_OF_SPECIMENS} when the quantity counts specimens. */
export type QuantityUnit = UnitCode | typeof NUMBER_OF_SPECIMENS;

/** How to label a quantity that has no unit. */
export const NUMBER_OF_SPECIMENS_LABEL: LocalizedText = {
  en: 'number of specimens',
  fr: 'nombre de spécimens',
  es: 'número de especímenes',
};

const UNIT_BY_CODE: ReadonlyMap<string, UnitEntry> = new Map(UNITS.map((entry) => [entry.code, entry]));

/**
 * Reads a unit as forms, CSV files and XML messages give it: `null`, `undefined` and `''` mean a number of
 * specimens. Returns the unit code or {@link NUMBER_OF_SPECIMENS}, or `undefined` when the value is not
 * a unit code. Codes are upper case; no trimming or case folding is done.
 */
export function toQuantityUnit(unit: string | null | undefined): QuantityUnit | undefined {
  if (unit === null || unit === undefined || unit === '') return NUMBER_OF_SPECIMENS;
  return UNIT_BY_CODE.get(unit)?.code;
}

/** The entry of a unit code, or `undefined` when the code is not a unit code. */
export function findUnit(code: string): UnitEntry | undefined {
  return UNIT_BY_CODE.get(code);
}

/**
 * Converts a quantity between two units of the same kind (e.g. g to kg, lbs to kg, ft to m). Returns
 * `undefined` when either unit does not convert (packages, pieces, a number of specimens) or the kinds
 * differ. Converting a number of specimens to itself returns the quantity unchanged.
 */
export function convertQuantity(quantity: number, from: QuantityUnit, to: QuantityUnit): number | undefined {
  if (from === to) return quantity;
  if (from === NUMBER_OF_SPECIMENS || to === NUMBER_OF_SPECIMENS) return undefined;
  const source = UNIT_BY_CODE.get(from);
  const target = UNIT_BY_CODE.get(to);
  if (!source || !target || source.kind !== target.kind) return undefined;
  if (source.factor === null || target.factor === null) return undefined;
  return (quantity * source.factor) / target.factor;
}
