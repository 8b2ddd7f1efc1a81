import type { Connection, mongo } from 'mongoose';
import type { ReportBasis } from '../domain/annual-report/permits';
import type { DocumentType, IsoDate } from '../domain/codes/types';
import type { PermitRecord } from './permits';
import type { IncomingPermit } from './incoming-permits';

/** What an annual report reads of one of the Party's own permits (see store/permits.ts). */
export type OwnPermitTradeRecord = Pick<
  PermitRecord,
  | 'number'
  | 'documentType'
  | 'status'
  | 'issuedAt'
  | 'authorisedQuantities'
  | 'endorsement'
  | 'importConfirmation'
  | 'signedPermit'
> & { id: string };

/** What an annual report reads of a permit another Party sent (see store/incoming-permits.ts). */
export type ConfirmedImportRecord = Pick<
  IncomingPermit,
  'id' | 'number' | 'fromParty' | 'documentType' | 'importConfirmation' | 'signedPermit'
>;

// The collections of store/permits.ts and store/incoming-permits.ts, read here with the driver's cursor:
// no mongoose documents, and only the fields a report needs.
const PERMITS = 'permits';
const INCOMING_PERMITS = 'incomingPermits';

const OWN_PERMIT_FIELDS = {
  number: 1,
  documentType: 1,
  status: 1,
  issuedAt: 1,
  authorisedQuantities: 1,
  endorsement: 1,
  importConfirmation: 1,
  signedPermit: 1,
};
const INCOMING_FIELDS = { number: 1, fromParty: 1, documentType: 1, importConfirmation: 1, signedPermit: 1 };

const dayRange = (year: number) => ({ $gte: `${year}-01-01` as IsoDate, $lte: `${year}-12-31` as IsoDate });

/**
 * Reads the permits an annual report is made of, one batch at a time: whatever the number of permits,
 * only a batch is held in memory. Each answer is an iterable over a database cursor, opened when the
 * call is made and closed when the iteration ends (also when the reader stops early).
 */
export class TradeRecordReader {
  constructor(
    private readonly connection: Connection,
    private readonly batchSize = 1_000,
  ) {}

  /**
   * The Party's own permits of these types that a report of this year may hold: for actual trade those
   * endorsed that year (by the endorsement's date), for permits issued those issued that year (UTC) and
   * neither cancelled nor replaced. In the order the database keeps them.
   */
  ownPermits(
    scope: { year: number; basis: ReportBasis },
    documentTypes: readonly DocumentType[],
  ): AsyncIterable<OwnPermitTradeRecord> {
    const filter: mongo.Filter<mongo.Document> =
      scope.basis === 'actual'
        ? { documentType: { $in: [...documentTypes] }, 'endorsement.date': dayRange(scope.year) }
        : {
            documentType: { $in: [...documentTypes] },
            issuedAt: {
              $gte: new Date(Date.UTC(scope.year, 0, 1)),
              $lt: new Date(Date.UTC(scope.year + 1, 0, 1)),
            },
            status: { $nin: ['cancelled', 'replaced'] },
          };
    const cursor = this.collection(PERMITS).find(filter, {
      projection: OWN_PERMIT_FIELDS,
      batchSize: this.batchSize,
    });
    return iterate(cursor, ({ _id, ...rest }) => ({ id: String(_id), ...rest }) as OwnPermitTradeRecord);
  }

  /** Other Parties' permits for consignments to `importer` whose arrival customs confirmed that year. */
  confirmedImports(importer: string, year: number): AsyncIterable<ConfirmedImportRecord> {
    const cursor = this.collection(INCOMING_PERMITS).find(
      {
        importerCountry: String(importer),
        documentType: { $ne: 'import' },
        'importConfirmation.date': dayRange(year),
      },
      { projection: INCOMING_FIELDS, batchSize: this.batchSize },
    );
    return iterate(cursor, ({ _id, ...rest }) => ({ id: String(_id), ...rest }) as ConfirmedImportRecord);
  }

  private collection(name: string): mongo.Collection {
    const db = this.connection.db;
    if (!db) throw new Error('The database connection is not open');
    return db.collection(name);
  }
}

function iterate<T>(
  cursor: mongo.FindCursor<mongo.Document>,
  map: (document: mongo.Document) => T,
): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for await (const document of cursor) yield map(document);
      } finally {
        await cursor.close();
      }
    },
  };
}
