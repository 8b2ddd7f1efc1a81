import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';
import { projectRoot } from '../../server/project';

describe('loadConfig', () => {
  it('gives the embedded defaults of the contract when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      party: 'KE',
      nodeEnv: 'development',
      demo: true,
      demoPassword: 'pangolin-demo',
      http: { host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000' },
      dataDir: path.join(projectRoot, '.data'),
      temporal: {
        address: undefined,
        namespace: 'default',
        taskQueue: 'pangolin-ke',
        embedded: { port: 7233, uiPort: 8233 },
      },
      mongo: { uri: undefined, database: 'pangolin-ke', embedded: { port: 27017 } },
    });
  });

  it('derives the task queue and database from the Party, in lower case', () => {
    const config = loadConfig({ PANGOLIN_PARTY: 'ch' });
    expect(config.party).toBe('CH');
    expect(config.temporal.taskQueue).toBe('pangolin-ch');
    expect(config.mongo.database).toBe('pangolin-ch');
  });

  it('takes what a Temporal Cloud deployment needs', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      TEMPORAL_ADDRESS: 'ke-prod.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'ke-prod.a1b2c',
      TEMPORAL_API_KEY: 'secret',
      MONGODB_URI: 'mongodb+srv://pangolin:pw@cluster0.example.net/?retryWrites=true',
    });
    expect(config.temporal).toMatchObject({
      address: 'ke-prod.a1b2c.tmprl.cloud:7233',
      namespace: 'ke-prod.a1b2c',
      apiKey: 'secret',
    });
    expect(config.temporal.tls.enabled).toBe(true);
    expect(config.demo).toBe(false);
  });

  it('never runs demo mode in production, even when PANGOLIN_DEMO is unset', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }, /PORT=eighty is not a TCP port/],
    ['PORT', { PORT: '70000' }, /PORT=70000 is not a TCP port/],
    ['TEMPORAL_PORT', { TEMPORAL_PORT: '0' }, /TEMPORAL_PORT=0/],
    ['PANGOLIN_PARTY', { PANGOLIN_PARTY: 'KEN' }, /PANGOLIN_PARTY=KEN must be an ISO 3166-1 alpha-2 code/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV=staging must be one of development, production, test/],
    [
      'PANGOLIN_DEMO',
      { NODE_ENV: 'production', PANGOLIN_DEMO: 'true' },
      /PANGOLIN_DEMO=true is not allowed when NODE_ENV=production/,
    ],
    ['PANGOLIN_DEMO', { PANGOLIN_DEMO: 'maybe' }, /PANGOLIN_DEMO=maybe must be true or false/],
    [
      'TEMPORAL_ADDRESS',
      { TEMPORAL_ADDRESS: 'http://localhost:7233' },
      /TEMPORAL_ADDRESS=http:\/\/localhost:7233 must be host:port/,
    ],
    ['TEMPORAL_TLS_CERT_PATH', { TEMPORAL_TLS_CERT_PATH: '/etc/cert.pem' }, /must be set together/],
    ['MONGODB_URI', { MONGODB_URI: 'postgres://db/x' }, /MONGODB_URI must start with mongodb:\/\//],
    ['MONGODB_DATABASE', { MONGODB_DATABASE: 'a/b' }, /MONGODB_DATABASE=a\/b must be/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /LOG_LEVEL=loud must be one of/],
    [
      'PANGOLIN_PUBLIC_URL',
      { PANGOLIN_PUBLIC_URL: 'ftp://x' },
      /PANGOLIN_PUBLIC_URL=ftp:\/\/x must be an http\(s\) URL/,
    ],
  ])('refuses a wrong %s and names it', (_variable, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every wrong variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
