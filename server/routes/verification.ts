import express, { type Router } from 'express';
import type { Language } from '../../domain/codes/types';
import { PangolinError } from '../errors';
import type { RouteTable } from '../http/route-table';
import { rateLimiter } from '../http/security';
import { unknownPermitPageHtml, verificationPageHtml } from '../pages/verification-page';
import type { PermitVerificationService } from '../services/permit-verification';

const LANGUAGES: readonly Language[] = ['en', 'fr', 'es'];

/** `GET /api/verify/:token`: the verification as JSON, for apps and other Parties' systems. */
export function verificationRoutes(
  routes: RouteTable,
  verification: PermitVerificationService,
  perMinute: number,
) {
  routes.add({
    method: 'get',
    path: '/verify/:token',
    access: 'public',
    tag: 'Verification',
    summary:
      'Check a permit from the token of its QR code: `{authentic, status, number, documentType, validUntil, replacedBy?, exporter, importer, blocks, endorsement?, signature}`; traders by name and country only',
    before: [rateLimiter('verify-api', perMinute)],
    responses: {
      200: { description: 'Authentic or not, and its status today' },
      404: { description: 'No permit has this code (unknown, altered or mistyped)' },
      429: { description: 'Too many checks from this address' },
    },
    handler: async ({ caller, params, res }) => {
      res.set('Cache-Control', 'no-store').json(await verification.verify(caller, params.token!));
    },
  });
}

/**
 * Outside /api: the Party's public keys at the well-known address, and the page a permit's QR
 * code opens, in the language asked for (`?lang=`) or the browser's.
 */
export function verificationPages(
  verification: PermitVerificationService,
  perMinute: number,
  publicUrl: string,
): Router {
  const pages = express.Router();
  pages.get('/.well-known/jwks.json', (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=300')
      .type('application/jwk-set+json')
      .send(verification.jwks());
  });
  pages.get('/verify/:token', rateLimiter('verify-page', perMinute), async (req, res, next) => {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const language: Language =
      LANGUAGES.find((code) => code === asked) ?? ((req.acceptsLanguages(...LANGUAGES) || 'en') as Language);
    res.set('Cache-Control', 'no-store').set('Content-Language', language).type('html');
    const token = String(req.params.token);
    try {
      // The page is for anyone: it never shows an officer's extras, so no session is read here.
      const view = await verification.verify({ actor: { kind: 'anonymous' }, requestId: undefined }, token);
      const customsUrl = `${publicUrl}/customs?token=${encodeURIComponent(token)}`;
      res.send(verificationPageHtml(view, language, customsUrl));
    } catch (error) {
      if (error instanceof PangolinError && error.kind === 'not-found') {
        res.status(404).send(unknownPermitPageHtml(language));
      } else next(error);
    }
  });
  return pages;
}
