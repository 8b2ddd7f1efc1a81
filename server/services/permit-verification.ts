import type { PartyJwks, PartyKeyRing } from '../../activities/signing/party-keys';
import { jwksOf } from '../../activities/signing/party-keys';
import { decodeSignedPermit, verifyPermitSignature } from '../../activities/signing/permit-signature';
import type { PermitDocument } from '../../domain/documents/model';
import { verificationViewOf, type PermitVerificationView } from '../../domain/documents/verification-view';
import type { PermitRepository } from '../../store/permits';
import { PangolinError } from '../errors';
import { hasPermission, type Caller } from '../identity/permissions';

/** 128 random bits in base64url, as issuance makes them. */
const VERIFICATION_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Public checking of permits: anyone holding one (a border officer, a buyer, another Party) reads
 * its QR code and learns whether it is authentic and where it stands today. Public by design, so
 * there is no caller to check; the routes are rate-limited instead, and the tokens cannot be guessed.
 */
export class PermitVerificationService {
  private readonly published: PartyJwks;

  constructor(
    private readonly permits: PermitRepository,
    keys: PartyKeyRing,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.published = jwksOf(keys);
  }

  /** The Party's public keys, active first, retired after: what `/.well-known/jwks.json` serves. */
  jwks(): PartyJwks {
    return this.published;
  }

  /**
   * The permit the token was printed on. An unknown, altered or malformed token gets the same 404,
   * so nobody learns from the answer whether a permit number exists. Public: the caller only
   * decides whether the answer includes the permit's id.
   */
  async verify(caller: Caller, token: string): Promise<PermitVerificationView & { permitId?: string }> {
    const permit = VERIFICATION_TOKEN.test(token)
      ? await this.permits.findByVerificationToken(token)
      : undefined;
    if (!permit?.signedPermit) {
      throw new PangolinError(
        'not-found',
        'No permit has this verification code. Check it was typed or scanned in full.',
      );
    }
    const check = verifyPermitSignature(permit.signedPermit, this.published);
    const document = (
      check.valid ? check.content : decodeSignedPermit(permit.signedPermit).content
    ) as PermitDocument;
    const view = verificationViewOf(
      document,
      {
        status: permit.status,
        validUntil: permit.validUntil,
        ...(permit.replacedBy ? { replacedByNumber: permit.replacedBy.number } : {}),
        ...(permit.endorsement ? { endorsement: permit.endorsement } : {}),
      },
      check.valid && document.permitNumber === permit.number,
      this.now().toISOString().slice(0, 10),
    );
    // The Party's own officers get the permit's id, to endorse it or open its record.
    const officer =
      hasPermission(caller.actor, 'permits.endorse') || hasPermission(caller.actor, 'applications.read-all');
    return officer ? { ...view, permitId: permit.id } : view;
  }
}
