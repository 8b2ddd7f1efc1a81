import { renderPermitPdf } from '../../activities/documents/permit-pdf';
import { decodeSignedPermit } from '../../activities/signing/permit-signature';
import type { Language } from '../../domain/codes/types';
import type { PermitDocument } from '../../domain/documents/model';
import { blockLetter } from '../../domain/documents/sheets';
import type { PermitRecord, PermitRepository } from '../../store/permits';
import type { UserRepository } from '../../store/users';
import { PangolinError } from '../errors';
import type { Caller } from '../identity/permissions';
import type { PermitService } from './permits';

export interface PermitPdfRequest {
  language?: Language;
  /** A copy says COPY across every sheet; it does not replace the original (Art. VI.4). */
  copy?: boolean;
}

/**
 * The documents of an issued permit: the signed permit (JWS) and its PDF on the standard form,
 * for whoever may see the permit (its holder and the Party's officers).
 */
export class PermitDocumentService {
  constructor(
    private readonly permitViews: PermitService,
    private readonly permits: PermitRepository,
    private readonly users: UserRepository,
    private readonly options: { publicUrl: string; language: Language },
  ) {}

  /** The compact JWS, as stored at issuance: check it offline with `npm run permit:verify`. */
  async signed(caller: Caller, id: string): Promise<string> {
    return (await this.signedPermitOf(caller, id)).signedPermit;
  }

  /** The PDF, drawn from the signed content so that paper and signature say the same, plus Boxes 14 and 15 once endorsed. */
  async pdf(caller: Caller, id: string, request: PermitPdfRequest = {}): Promise<Buffer> {
    const permit = await this.signedPermitOf(caller, id);
    const signed = decodeSignedPermit(permit.signedPermit).content as PermitDocument;
    const document = {
      ...signed,
      isCopy: request.copy ?? false,
      ...(await this.exportFormalitiesOf(permit)),
    } as PermitDocument;
    return renderPermitPdf(document, {
      language: request.language ?? this.options.language,
      verificationUrl: `${this.options.publicUrl}/verify/${permit.verificationToken}`,
    });
  }

  private async signedPermitOf(
    caller: Caller,
    id: string,
  ): Promise<PermitRecord & { signedPermit: string; verificationToken: string }> {
    // Seeing the permit is the permission: the same 404 for a permit that is someone else's.
    await this.permitViews.get(caller, id);
    const permit = (await this.permits.find(id))!;
    if (!permit.signedPermit || !permit.verificationToken) {
      throw new PangolinError(
        'conflict',
        `Permit ${permit.number} was issued before permits were signed; it has no signed document.`,
      );
    }
    return permit as PermitRecord & { signedPermit: string; verificationToken: string };
  }

  /** Box 14 and 15, as customs endorsed them. */
  private async exportFormalitiesOf(permit: PermitRecord): Promise<Partial<PermitDocument>> {
    const endorsement = permit.endorsement;
    if (!endorsement) return {};
    const officer = await this.users.findById(endorsement.by);
    return {
      exportEndorsement: {
        blocks: endorsement.quantities.map((quantity, index) => ({
          block: blockLetter(index) ?? String(index + 1),
          quantity,
        })),
        port: endorsement.port,
        date: endorsement.date,
        officer: { name: officer?.name ?? endorsement.by, title: 'Customs officer' },
      },
      ...(endorsement.billOfLading ? { billOfLading: endorsement.billOfLading } : {}),
    } as Partial<PermitDocument>;
  }
}
