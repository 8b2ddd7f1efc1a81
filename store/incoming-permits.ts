import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentType, IsoDate } from '../domain/codes/types';

/** One block of a permit another Party issued: what it lets cross. */
export interface IncomingPermitBlock {
  scientificName: string;
  quantity: number;
  unit?: string;
}

/**
 * A permit another Party issued and sent to this one, kept once its signature was checked against
 * that Party's published keys: an import permit an exporter here relies on (Appendix I), or an
 * export permit for a consignment on its way here.
 */
export interface IncomingPermit {
  /** `<issuing Party>:<permit number>`: a number is unique within its Party. */
  id: string;
  number: string;
  fromParty: string;
  documentType: DocumentType;
  status: 'valid' | 'used' | 'cancelled' | 'expired' | 'replaced';
  validUntil: IsoDate;
  /** Box 4 country (the exporter's) and Box 3 country (the importer's). */
  exporterCountry: string;
  importerCountry: string;
  blocks: IncomingPermitBlock[];
  /** The signed permit as it arrived (compact JWS), kept as the evidence it was verified on. */
  signedPermit: string;
  verifiedAt: Date;
}

type IncomingPermitDocument = Omit<IncomingPermit, 'id'> & { _id: string };

const incomingPermitSchema = new Schema<IncomingPermitDocument>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    fromParty: { type: String, required: true },
    documentType: { type: String, required: true },
    status: { type: String, required: true },
    validUntil: { type: String, required: true },
    exporterCountry: { type: String, required: true },
    importerCountry: { type: String, required: true },
    blocks: { type: Schema.Types.Mixed, required: true },
    signedPermit: { type: String, required: true },
    verifiedAt: { type: Date, required: true },
  },
  { collection: 'incomingPermits', versionKey: false },
);

/** The id an incoming permit is kept under. */
export const incomingPermitId = (fromParty: string, number: string) => `${fromParty}:${number}`;

/** Permits received from other Parties, after their signatures were verified. */
export class IncomingPermitRepository {
  private readonly model: Model<IncomingPermitDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.IncomingPermit as Model<IncomingPermitDocument>) ??
      connection.model<IncomingPermitDocument>('IncomingPermit', incomingPermitSchema);
  }

  /** Keeps the permit unless it is there already (a message delivered twice changes nothing). */
  async keepOnce(permit: IncomingPermit): Promise<void> {
    const { id, ...rest } = permit;
    await this.model.updateOne({ _id: id }, { $setOnInsert: rest }, { upsert: true }).exec();
  }

  async find(fromParty: string, number: string): Promise<IncomingPermit | undefined> {
    const found = await this.model
      .findById(incomingPermitId(String(fromParty), String(number)))
      .lean<IncomingPermitDocument>()
      .exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
  }
}
