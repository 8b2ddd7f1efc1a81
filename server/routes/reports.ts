import { DETECTION_METHODS, TRANSPORT_MODES } from '../../domain/illegal-trade/seizures';
import type { SeizureFollowUp, SeizureInput } from '../../domain/illegal-trade/seizures';
import { REPORT_BASES } from '../../domain/annual-report/permits';
import type { RouteTable } from '../http/route-table';
import { streamText } from '../http/streaming';
import type { AnnualReportQuery, AnnualReportService } from '../services/annual-reports';
import type { SeizureService } from '../services/seizures';

/** CITES entered into force on 1 July 1975: no report year comes before. */
const FIRST_YEAR = 1975;
const year = { type: 'integer', minimum: FIRST_YEAR, maximum: 9999 };

const annualReportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['year', 'layout'],
  properties: {
    year,
    layout: { type: 'string', enum: ['exporter', 'importer'] },
    basis: { type: 'string', enum: [...REPORT_BASES] },
  },
};

/** The annual trade report and the annual illegal trade report. */
export function reportRoutes(routes: RouteTable, reports: AnnualReportService, seizures: SeizureService) {
  routes.add<unknown, AnnualReportQuery>({
    method: 'get',
    path: '/reports/annual',
    access: { permission: 'reports.read' },
    tag: 'Reports',
    summary:
      'The annual trade report as `text/csv` in the CITES Trade Database column order (`layout` exporter or importer), streamed from the database. `basis=actual` (default): permits endorsed that year with the endorsed quantities, and for importers the imports confirmed that year; `basis=issued`: permits issued that year with the authorised quantities. `strict=true` answers 422 instead when the Trade Database would refuse any row',
    query: {
      ...annualReportQuery,
      properties: { ...annualReportQuery.properties, strict: { type: 'boolean' } },
    },
    responses: {
      200: { description: 'The report file', contentType: 'text/csv' },
      422: { description: 'A year not begun, or (strict) rows the Trade Database would refuse' },
    },
    handler: async ({ caller, query, req, res }) => {
      const file = await reports.csv(caller, query);
      await streamText(req, res, file.lines, { contentType: 'text/csv', filename: file.filename });
    },
  });

  routes.add<unknown, AnnualReportQuery>({
    method: 'get',
    path: '/reports/annual/check',
    access: { permission: 'reports.read' },
    tag: 'Reports',
    summary:
      'The CITES Trade Database’s validation rules over the rows the annual report would hold: `{rows, refusedRows, problems, unreportable, byCode, refused: [{row, permitNumber, column, code, reason}], truncated}` (the list holds the first 1000 reasons; all are counted)',
    query: annualReportQuery,
    responses: { 200: { description: 'What the checks found' }, 422: { description: 'A year not begun' } },
    handler: async ({ caller, query, res }) => {
      res.json(await reports.check(caller, query));
    },
  });

  routes.add<unknown, { year: number }>({
    method: 'get',
    path: '/reports/illegal-trade',
    access: { permission: 'reports.read' },
    tag: 'Reports',
    summary:
      'The annual illegal trade report (Res. Conf. 11.17 para. 3) as `text/csv`: one row per seizure recorded for the year',
    query: { type: 'object', additionalProperties: false, required: ['year'], properties: { year } },
    responses: {
      200: { description: 'The report file', contentType: 'text/csv' },
      422: { description: 'A year not begun' },
    },
    handler: async ({ caller, query, req, res }) => {
      const file = await seizures.report(caller, query.year);
      await streamText(req, res, file.lines, { contentType: 'text/csv', filename: file.filename });
    },
  });
}

const country = { type: 'string', pattern: '^[A-Z]{2}$' };
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const followUp = {
  legalAction: text(2000),
  disposal: text(2000),
  notes: text(4000),
};

/** Seizures of specimens in illegal trade. */
export function seizureRoutes(routes: RouteTable, seizures: SeizureService) {
  routes.add<SeizureInput>({
    method: 'post',
    path: '/seizures',
    access: { permission: 'seizures.record' },
    tag: 'Seizures',
    summary:
      'Record a seizure (customs, Management Authority): date, species, term, quantity and unit (none for a number of specimens), the countries of origin, export, transit and destination where known, where and how it was detected, by whom, the offenders’ nationalities, legal action and disposal',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['date', 'scientificName', 'term', 'quantity', 'location', 'detectedBy'],
      properties: {
        date: { type: 'string', format: 'date' },
        reference: text(100),
        scientificName: { type: 'string', minLength: 3, maxLength: 200 },
        appendix: { type: 'string', enum: ['I', 'II', 'III', 'N'] },
        term: { type: 'string', pattern: '^[A-Z]{3}$' },
        description: text(500),
        quantity: { type: 'number', exclusiveMinimum: 0 },
        unit: { type: 'string', pattern: '^[A-Z]{3}$' },
        countryOfOrigin: country,
        countryOfExport: country,
        countriesOfTransit: { type: 'array', maxItems: 20, items: country },
        countryOfDestination: country,
        location: text(200),
        detectionMethod: { type: 'string', enum: [...DETECTION_METHODS] },
        transportMode: { type: 'string', enum: [...TRANSPORT_MODES] },
        concealment: text(500),
        detectedBy: text(200),
        offenderNationalities: { type: 'array', maxItems: 50, items: country },
        ...followUp,
      },
    },
    responses: {
      201: { description: 'The seizure, recorded' },
      422: { description: 'An unknown code, a term counted in a unit it may not be, a date in the future' },
    },
    handler: async ({ caller, body, res }) => {
      res.status(201).json(await seizures.record(caller, body));
    },
  });

  routes.add<SeizureFollowUp>({
    method: 'patch',
    path: '/seizures/:id',
    access: { permission: 'seizures.record' },
    tag: 'Seizures',
    summary: 'Record the follow-up of a seizure: legal action, disposal of the specimens, notes',
    body: { type: 'object', additionalProperties: false, minProperties: 1, properties: followUp },
    responses: { 200: { description: 'The seizure' }, 404: { description: 'No such seizure' } },
    handler: async ({ caller, params, body, res }) => {
      res.json(await seizures.followUp(caller, params.id!, body));
    },
  });

  routes.add<unknown, { year: number; limit?: number }>({
    method: 'get',
    path: '/seizures',
    access: { permission: 'seizures.read' },
    tag: 'Seizures',
    summary: 'The seizures recorded for a year, newest first',
    query: {
      type: 'object',
      additionalProperties: false,
      required: ['year'],
      properties: { year, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 } },
    },
    responses: { 200: { description: '`[{id, date, scientificName, term, quantity, unit, ...}]`' } },
    handler: async ({ caller, query, res }) => {
      res.json(await seizures.list(caller, query));
    },
  });
}
