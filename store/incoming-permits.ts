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
  /** The UN/CEFACT CITESEPermit message that came with it. */
  xml?: string;
  /** Box 14 as the issuing Party's customs endorsed it: what left, per block. */
  exportEndorsement?: { blocks: { block: string; quantity: number }[]; port: string; date: string };
  /** What customs here confirmed arrived, per block. */
  importConfirmation?: { blocks: { block: string; quantity: number }[]; date: string; by: string };
  cancellation?: { reason: string };
  replacedBy?: string;
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
    xml: { type: String },
    exportEndorsement: { type: Schema.Types.Mixed },
    importConfirmation: { type: Schema.Types.Mixed },
    cancellation: { type: Schema.Types.Mixed },
    replacedBy: { type: String },
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

  /** Records what happened to the permit since (on either side of the border). */
  async update(
    id: string,
    change: Partial<
      Pick<
        IncomingPermit,
        'status' | 'exportEndorsement' | 'importConfirmation' | 'cancellation' | 'replacedBy'
      >
    >,
  ): Promise<void> {
    await this.model.updateOne({ _id: String(id) }, { $set: change }).exec();
  }

  /** The permits other Parties issued for consignments coming here, newest first. */
  async expectedHere(importerCountry: string, limit: number): Promise<IncomingPermit[]> {
    const found = await this.model
      .find({ importerCountry: String(importerCountry), documentType: { $ne: 'import' } })
      .sort({ verifiedAt: -1 })
      .limit(limit)
      .lean<IncomingPermitDocument[]>()
      .exec();
    return found.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  async findById(id: string): Promise<IncomingPermit | undefined> {
    const found = await this.model.findById(String(id)).lean<IncomingPermitDocument>().exec();
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { id: _id, ...rest };
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
