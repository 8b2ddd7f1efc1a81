import { countryName } from '../../domain/codes/lookups';
import type { Language } from '../../domain/codes/types';
import type { LivePermitStatus, PermitVerificationView } from '../../domain/documents/verification-view';

type Phrase =
  | 'title'
  | 'authentic'
  | 'notAuthentic'
  | 'number'
  | 'document'
  | 'issuedBy'
  | 'validity'
  | 'issuedOn'
  | 'exporter'
  | 'importer'
  | 'block'
  | 'species'
  | 'appendixSource'
  | 'purpose'
  | 'description'
  | 'authorised'
  | 'endorsed'
  | 'endorsement'
  | 'replacedBy'
  | 'replaces'
  | 'signature'
  | 'customs'
  | 'notFound'
  | 'notFoundHint';

const PHRASES: Record<Phrase, Record<Language, string>> = {
  title: {
    en: 'CITES permit check',
    fr: 'Vérification de permis CITES',
    es: 'Verificación de permiso CITES',
  },
  authentic: {
    en: 'Authentic: signed by the issuing Management Authority',
    fr: 'Authentique : signé par l’organe de gestion émetteur',
    es: 'Auténtico: firmado por la Autoridad Administrativa emisora',
  },
  notAuthentic: {
    en: 'NOT AUTHENTIC: the signature does not match. Hold the consignment and contact the issuing authority.',
    fr: 'NON AUTHENTIQUE : la signature ne correspond pas. Retenez l’envoi et contactez l’organe émetteur.',
    es: 'NO AUTÉNTICO: la firma no coincide. Retenga el envío y contacte a la autoridad emisora.',
  },
  number: { en: 'Permit number', fr: 'Numéro du permis', es: 'Número del permiso' },
  document: { en: 'Document', fr: 'Document', es: 'Documento' },
  issuedBy: { en: 'Issued by', fr: 'Délivré par', es: 'Expedido por' },
  validity: { en: 'Valid', fr: 'Validité', es: 'Válido' },
  issuedOn: { en: 'Issued on', fr: 'Délivré le', es: 'Expedido el' },
  exporter: { en: 'Exporter', fr: 'Exportateur', es: 'Exportador' },
  importer: { en: 'Importer', fr: 'Importateur', es: 'Importador' },
  block: { en: 'Block', fr: 'Case', es: 'Casilla' },
  species: { en: 'Species', fr: 'Espèce', es: 'Especie' },
  appendixSource: { en: 'Appendix / source', fr: 'Annexe / source', es: 'Apéndice / origen' },
  purpose: { en: 'Purpose', fr: 'But', es: 'Propósito' },
  description: { en: 'Specimens', fr: 'Spécimens', es: 'Especímenes' },
  authorised: { en: 'Authorised', fr: 'Autorisé', es: 'Autorizado' },
  endorsed: { en: 'Exported', fr: 'Exporté', es: 'Exportado' },
  endorsement: { en: 'Export endorsement', fr: 'Visa d’exportation', es: 'Endoso de exportación' },
  replacedBy: { en: 'Replaced by', fr: 'Remplacé par', es: 'Sustituido por' },
  replaces: { en: 'Replaces', fr: 'Remplace', es: 'Sustituye a' },
  signature: { en: 'Signature key', fr: 'Clé de signature', es: 'Clave de firma' },
  customs: {
    en: 'Customs officer? Endorse this permit',
    fr: 'Agent des douanes ? Viser ce permis',
    es: '¿Funcionario de aduanas? Endosar este permiso',
  },
  notFound: {
    en: 'No permit has this verification code',
    fr: 'Aucun permis ne porte ce code de vérification',
    es: 'Ningún permiso tiene este código de verificación',
  },
  notFoundHint: {
    en: 'Scan the QR code again or type the code in full. A permit whose code is not found here must not be accepted.',
    fr: 'Scannez à nouveau le code QR ou saisissez le code en entier. Un permis dont le code est introuvable ici ne doit pas être accepté.',
    es: 'Escanee de nuevo el código QR o escriba el código completo. No debe aceptarse un permiso cuyo código no se encuentre aquí.',
  },
};

const STATUS: Record<LivePermitStatus, Record<Language, string>> = {
  valid: { en: 'Valid', fr: 'Valide', es: 'Válido' },
  endorsed: {
    en: 'Endorsed at export: already used for its consignment',
    fr: 'Visé à l’exportation : déjà utilisé pour son envoi',
    es: 'Endosado en la exportación: ya usado para su envío',
  },
  used: {
    en: 'Used: import confirmed',
    fr: 'Utilisé : importation confirmée',
    es: 'Usado: importación confirmada',
  },
  expired: { en: 'Expired', fr: 'Expiré', es: 'Caducado' },
  cancelled: { en: 'Cancelled', fr: 'Annulé', es: 'Anulado' },
  replaced: { en: 'Replaced', fr: 'Remplacé', es: 'Sustituido' },
};

const DOCUMENT_TYPES: Record<string, Record<Language, string>> = {
  export: { en: 'Export permit', fr: 'Permis d’exportation', es: 'Permiso de exportación' },
  're-export': {
    en: 'Re-export certificate',
    fr: 'Certificat de réexportation',
    es: 'Certificado de reexportación',
  },
  import: { en: 'Import permit', fr: 'Permis d’importation', es: 'Permiso de importación' },
};

const STATUS_TONE: Record<LivePermitStatus, 'good' | 'done' | 'bad'> = {
  valid: 'good',
  endorsed: 'done',
  used: 'done',
  expired: 'bad',
  cancelled: 'bad',
  replaced: 'bad',
};

/** Text made safe to place in HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body{font:16px/1.45 system-ui,sans-serif;margin:0;background:#f4f6f4;color:#1b1f1b}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.2rem;margin:.2rem 0 1rem}
.status{border-radius:.6rem;padding:1rem;font-size:1.3rem;font-weight:700;margin-bottom:.6rem}
.good{background:#d8f0dc;color:#0d4d1c}.done{background:#dbe7f7;color:#123c6d}.bad{background:#f9d9d6;color:#7a1410}
.authentic{margin:.4rem 0 1rem;font-weight:600}.forged{background:#7a1410;color:#fff;padding:1rem;border-radius:.6rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#fff;padding:1rem;border-radius:.6rem;margin:0 0 1rem}
dt{color:#4b554b}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.block{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin-bottom:.6rem}
.block h2{font-size:1rem;margin:0 0 .3rem}.block p{margin:.15rem 0}
.quantity{font-size:1.1rem;font-weight:700}
a.customs{display:block;text-align:center;background:#1d5e34;color:#fff;padding:.9rem;border-radius:.6rem;text-decoration:none;font-weight:700;margin-top:1rem}
nav{font-size:.9rem;margin-top:1rem}nav a{margin-right:.8rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}
`;

function page(language: Language, title: string, body: string): string {
  const languages = (['en', 'fr', 'es'] as const)
    .map((code) => `<a href="?lang=${code}" lang="${code}">${code.toUpperCase()}</a>`)
    .join('');
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}<nav>${languages}</nav></main></body></html>`;
}

const place = (party: { name: string; country: string }, language: Language) =>
  `${escapeHtml(party.name)} (${escapeHtml(countryName(party.country, language) ?? party.country)})`;

/**
 * The public page a permit's QR code opens: status first, in large type, then authenticity, then
 * what the consignment must match, block by block. Plain HTML with no script, quick on a slow
 * connection and readable on a phone at the border.
 */
export function verificationPageHtml(
  view: PermitVerificationView,
  language: Language,
  customsUrl: string,
): string {
  const t = (phrase: Phrase) => PHRASES[phrase][language];
  const rows: Array<[string, string]> = [
    [t('number'), escapeHtml(view.number)],
    [t('document'), escapeHtml(DOCUMENT_TYPES[view.documentType]?.[language] ?? view.documentType)],
    [
      t('issuedBy'),
      `${escapeHtml(view.managementAuthority)} (${escapeHtml(countryName(view.issuingParty, language) ?? view.issuingParty)})`,
    ],
    [t('validity'), `${escapeHtml(view.validFrom ?? view.issuedOn)} – ${escapeHtml(view.validUntil)}`],
    [t('issuedOn'), escapeHtml(view.issuedOn)],
  ];
  if (view.replacedBy) rows.push([t('replacedBy'), escapeHtml(view.replacedBy)]);
  if (view.replaces) rows.push([t('replaces'), escapeHtml(view.replaces)]);
  if (view.exporter) rows.push([t('exporter'), place(view.exporter, language)]);
  if (view.importer) rows.push([t('importer'), place(view.importer, language)]);
  if (view.endorsement) {
    rows.push([
      t('endorsement'),
      `${escapeHtml(view.endorsement.port)}, ${escapeHtml(view.endorsement.date)}`,
    ]);
  }
  if (view.signature.keyId) rows.push([t('signature'), `${escapeHtml(view.signature.keyId)} (EdDSA)`]);
  const blocks = view.blocks
    .map(
      (
        block,
      ) => `<section class="block"><h2>${t('block')} ${escapeHtml(block.block)}: <i>${escapeHtml(block.scientificName)}</i>${block.commonName ? ` (${escapeHtml(block.commonName)})` : ''}</h2>
<p>${t('appendixSource')}: ${escapeHtml(block.appendix)} / ${escapeHtml(block.source)} · ${t('purpose')}: ${escapeHtml(block.purpose)}</p>
<p>${t('description')}: ${escapeHtml(block.term)}${block.description ? ` – ${escapeHtml(block.description)}` : ''}</p>
<p class="quantity">${t('authorised')}: ${block.quantity} ${escapeHtml(block.unit ?? '')}${block.endorsedQuantity !== undefined ? ` · ${t('endorsed')}: ${block.endorsedQuantity}` : ''}</p></section>`,
    )
    .join('');
  const body = `<h1>${t('title')}</h1>
<div class="status ${STATUS_TONE[view.status]}" role="status">${escapeHtml(STATUS[view.status][language])}${view.replacedBy ? ` → ${escapeHtml(view.replacedBy)}` : ''}</div>
${view.authentic ? `<p class="authentic">✓ ${t('authentic')}</p>` : `<p class="forged" role="alert">${t('notAuthentic')}</p>`}
<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>
${blocks}
${view.status === 'valid' && view.authentic ? `<a class="customs" href="${escapeHtml(customsUrl)}">${t('customs')}</a>` : ''}`;
  return page(language, `${t('title')}: ${view.number}`, body);
}

/** The same page for every unknown, altered or mistyped code. */
export function unknownPermitPageHtml(language: Language): string {
  return page(
    language,
    PHRASES.title[language],
    `<h1>${PHRASES.title[language]}</h1><div class="status bad" role="alert">${PHRASES.notFound[language]}</div><p>${PHRASES.notFoundHint[language]}</p>`,
  );
}
