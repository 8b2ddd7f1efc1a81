export type Language = 'en' | 'fr' | 'es';

export const languages: ReadonlyArray<{ code: Language; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
];

const en = {
  tagline: 'Electronic CITES permits',
  language: 'Language',
  systemStatus: 'System status',
  party: 'Party',
  workflowEngine: 'Workflow engine (Temporal)',
  database: 'Database',
  version: 'Version',
  ok: 'Working',
  down: 'Not reachable',
  checking: 'Checking…',
  unreachable: 'The Pangolin server does not answer. Check your connection and try again.',
  retry: 'Check again',
};

export type MessageKey = keyof typeof en;

export const messages: Record<Language, Record<MessageKey, string>> = {
  en,
  fr: {
    tagline: 'Permis CITES électroniques',
    language: 'Langue',
    systemStatus: 'État du système',
    party: 'Partie',
    workflowEngine: 'Moteur de procédures (Temporal)',
    database: 'Base de données',
    version: 'Version',
    ok: 'En service',
    down: 'Injoignable',
    checking: 'Vérification…',
    unreachable: 'Le serveur Pangolin ne répond pas. Vérifiez votre connexion et réessayez.',
    retry: 'Vérifier à nouveau',
  },
  es: {
    tagline: 'Permisos CITES electrónicos',
    language: 'Idioma',
    systemStatus: 'Estado del sistema',
    party: 'Parte',
    workflowEngine: 'Motor de procedimientos (Temporal)',
    database: 'Base de datos',
    version: 'Versión',
    ok: 'En funcionamiento',
    down: 'No disponible',
    checking: 'Comprobando…',
    unreachable: 'El servidor de Pangolin no responde. Compruebe su conexión y vuelva a intentarlo.',
    retry: 'Comprobar de nuevo',
  },
};

export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  const candidates = [stored, ...browser.map((tag) => tag.slice(0, 2).toLowerCase())];
  return (
    (candidates.find((code) => code === 'en' || code === 'fr' || code === 'es') as Language | undefined) ??
    'en'
  );
}
