import type { PartyJwks, PartyKeyRing } from '../../activities/signing/party-keys';
import { jwksOf } from '../../activities/signing/party-keys';
import { decodeSignedPermit, verifyPermitSignature } from '../../activities/signing/permit-signature';
import type { PermitDocument } from '../../domain/documents/model';
import { verificationViewOf, type PermitVerificationView } from '../../domain/documents/verification-view';
import type { PermitRecord, PermitRepository } from '../../store/permits';
import { PangolinError } from '../errors';
import { hasPermission, type Caller } from '../identity/permissions';
import { BoundedMap } from './bounded-map';
import { SharedFreshReads } from './shared-fresh-reads';

/** 128 random bits in base64url, as issuance makes them. */
const VERIFICATION_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** Enough for every permit scanned at the Party's borders in a busy hour. */
const REMEMBERED_PERMITS = 5_000;

interface SignatureCheck {
  authentic: boolean;
  document: PermitDocument;
}

/**
 * Public checking of permits: anyone holding one (a border officer, a buyer, another Party) reads
 * its QR code and learns whether it is authentic and where it stands today. Public by design, so
 * there is no caller to check; the routes are rate-limited instead, and the tokens cannot be guessed.
 */
export class PermitVerificationService {
  private readonly published: PartyJwks;
  /**
   * A permit's status can change at any moment (cancelled, endorsed, replaced) and must show at
   * once, so the permit is read for every check — but checks of one permit arriving together
   * share a read that began after they arrived: a permit scanned by a crowd costs one read at a time.
   */
  private readonly permitReads = new SharedFreshReads<PermitRecord | undefined>();
  /** What never changes is kept: the permit a token was printed on, and its signature's check. */
  private readonly permitIds = new BoundedMap<string, string>(REMEMBERED_PERMITS);
  private readonly signatureChecks = new BoundedMap<string, SignatureCheck>(REMEMBERED_PERMITS);

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
      ? await this.permitReads.read(token, () => this.permitOf(token))
      : undefined;
    if (!permit?.signedPermit) {
      throw new PangolinError(
        'not-found',
        'No permit has this verification code. Check it was typed or scanned in full.',
      );
    }
    const { authentic, document } = this.checkSignature(permit.signedPermit);
    const view = verificationViewOf(
      document,
      {
        status: permit.status,
        validUntil: permit.validUntil,
        ...(permit.replacedBy ? { replacedByNumber: permit.replacedBy.number } : {}),
        ...(permit.endorsement ? { endorsement: permit.endorsement } : {}),
      },
      authentic && document.permitNumber === permit.number,
      this.now().toISOString().slice(0, 10),
    );
    // The Party's own officers get the permit's id, to endorse it or open its record.
    const officer =
      hasPermission(caller.actor, 'permits.endorse') || hasPermission(caller.actor, 'applications.read-all');
    return officer ? { ...view, permitId: permit.id } : view;
  }

  private async permitOf(token: string): Promise<PermitRecord | undefined> {
    let permitId = this.permitIds.get(token);
    if (permitId === undefined) {
      permitId = await this.permits.permitIdOfVerificationToken(token);
      // An unknown token is not remembered: its permit may be issued a moment later.
      if (permitId === undefined) return undefined;
      this.permitIds.set(token, permitId);
    }
    return this.permits.find(permitId);
  }

  /** The same signed permit always checks the same way against the keys this service was made with. */
  private checkSignature(signedPermit: string): SignatureCheck {
    let checked = this.signatureChecks.get(signedPermit);
    if (!checked) {
      const check = verifyPermitSignature(signedPermit, this.published);
      checked = {
        authentic: check.valid,
        document: (check.valid ? check.content : decodeSignedPermit(signedPermit).content) as PermitDocument,
      };
      this.signatureChecks.set(signedPermit, checked);
    }
    return checked;
  }
}
