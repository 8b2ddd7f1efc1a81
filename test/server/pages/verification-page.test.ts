import type { PermitVerificationView } from '../../../domain/documents/verification-view';
import { unknownPermitPageHtml, verificationPageHtml } from '../../../server/pages/verification-page';

const view: PermitVerificationView = {
  authentic: true,
  status: 'valid',
  number: 'KE26000001E',
  documentType: 'export',
  issuingParty: 'KE',
  managementAuthority: 'Kenya Wildlife Service',
  validFrom: '2026-11-30',
  validUntil: '2027-05-29',
  issuedOn: '2026-11-30',
  exporter: { name: 'Snake <script>alert(1)</script> Farm', country: 'KE' },
  importer: { name: 'Zoo "Berlin"', country: 'DE' },
  blocks: [
    {
      block: 'A',
      scientificName: 'Python regius',
      appendix: 'II',
      source: 'W',
      purpose: 'T',
      term: 'LIV',
      quantity: 50,
      unit: null,
    },
  ],
  signature: { keyId: 'KE-20261130-abcdefgh', algorithm: 'EdDSA' },
};

describe('the public verification page', () => {
  it('escapes whatever the application said, so a trader’s name cannot run script on it', () => {
    const html = verificationPageHtml(view, 'en', 'https://permits.example/customs?token=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Snake &#60;script&#62;alert(1)&#60;/script&#62; Farm');
    expect(html).toContain('Zoo &#34;Berlin&#34;');
  });

  it.each([
    ['en', 'Valid', 'Germany'],
    ['fr', 'Valide', 'Allemagne'],
    ['es', 'Válido', 'Alemania'],
  ] as const)('speaks %s', (language, status, country) => {
    const html = verificationPageHtml(view, language, 'https://permits.example/customs');
    expect(html).toContain(`lang="${language}"`);
    expect(html).toContain(`>${status}<`);
    expect(html).toContain(country);
  });

  it('warns in red when the signature does not match, and offers no endorsement', () => {
    const html = verificationPageHtml({ ...view, authentic: false }, 'en', 'https://permits.example/customs');
    expect(html).toContain('NOT AUTHENTIC');
    expect(html).not.toContain('Endorse this permit');
  });

  it('offers customs the endorsement only on a valid permit', () => {
    expect(verificationPageHtml(view, 'en', 'https://x/customs')).toContain('Endorse this permit');
    expect(verificationPageHtml({ ...view, status: 'cancelled' }, 'en', 'https://x/customs')).not.toContain(
      'Endorse this permit',
    );
  });

  it('says the same for every unknown code', () => {
    expect(unknownPermitPageHtml('es')).toContain('Ningún permiso tiene este código de verificación');
  });
});
