import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, loadAppConfig } from './app-config';

const notesKey = `k1:${randomBytes(32).toString('base64')}`;
const complete = { NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(40), DATABASE_APP_PASSWORD: 'p'.repeat(20), NOTES_ENCRYPTION_KEY: notesKey };

describe('loadAppConfig', () => {
  it('applies defaults', () => {
    const config = loadAppConfig(complete);
    expect(config.port).toBe(3000);
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.http.bodyLimitBytes).toBe(1024 * 1024);
  });

  it('names every bad variable', () => {
    expect(() => loadAppConfig({ ...complete, PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigurationError);
    try {
      loadAppConfig({ ...complete, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT must be an integer number \(got "eighty"\)/);
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ connection URL/);
    }
  });

  it('requires real secrets and a database in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/NOTES_ENCRYPTION_KEY is required when NODE_ENV=production/);
    const config = loadAppConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://owner@db/trustwork',
      JWT_SECRET: 'j'.repeat(40),
      DATABASE_APP_PASSWORD: 'p'.repeat(20),
      NOTES_ENCRYPTION_KEY: notesKey,
      CORS_ORIGINS: 'https://app.example.com, https://portal.example.com',
      PUBLIC_URL: 'https://trustwork.example.com',
    });
    expect(config.http.corsOrigins).toEqual(['https://app.example.com', 'https://portal.example.com']);
    expect(config.seedDemoPractice).toBe(false);
  });

  describe('where the API listens', () => {
    it('is this machine only outside production, so the demo sign-ins are not on the network', () => {
      expect(loadAppConfig(complete).host).toBe('localhost');
      expect(loadAppConfig({ ...complete, NODE_ENV: 'development' }).host).toBe('localhost');
      expect(loadAppConfig({ ...complete, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    });

    it('is every interface in production (a container publishes its port)', () => {
      const production = { ...complete, NODE_ENV: 'production', DATABASE_URL: 'postgres://owner@db/trustwork', PUBLIC_URL: 'https://trustwork.example' };
      expect(loadAppConfig(production).host).toBe('0.0.0.0');
    });
  });

  describe('the addresses links start with', () => {
    it('are the built server own origin by default: dashboard at /, portal at /p', () => {
      expect(loadAppConfig({ ...complete, PORT: '3100' }).links).toEqual({ dashboardUrl: 'http://localhost:3100', portalUrl: 'http://localhost:3100/p' });
      expect(loadAppConfig({ ...complete, PUBLIC_URL: 'https://trustwork.example/' }).links).toEqual({
        dashboardUrl: 'https://trustwork.example',
        portalUrl: 'https://trustwork.example/p',
      });
    });

    it('follow DASHBOARD_URL and PORTAL_URL when each app is served on its own (npm run dev)', () => {
      const config = loadAppConfig({ ...complete, PUBLIC_URL: 'https://api.example', DASHBOARD_URL: 'http://localhost:4200/', PORTAL_URL: 'http://localhost:4300/p/' });
      expect(config.links).toEqual({ dashboardUrl: 'http://localhost:4200', portalUrl: 'http://localhost:4300/p' });
    });

    it('refuses an address that is not a plain http(s) base', () => {
      expect(() => loadAppConfig({ ...complete, PORTAL_URL: 'localhost:4300' })).toThrow(/PORTAL_URL must be an http:\/\/ or https:\/\/ URL/);
      expect(() => loadAppConfig({ ...complete, DASHBOARD_URL: 'https://app.example/#/x' })).toThrow(/DASHBOARD_URL must be an http:\/\/ or https:\/\/ URL/);
    });

    it('must be configured in production: a request Host header is never trusted for them', () => {
      const production = { ...complete, NODE_ENV: 'production', DATABASE_URL: 'postgres://owner@db/trustwork' };
      expect(() => loadAppConfig(production)).toThrow(/PUBLIC_URL \(or DASHBOARD_URL and PORTAL_URL\) is required when NODE_ENV=production/);
      expect(() => loadAppConfig({ ...production, DASHBOARD_URL: 'https://app.example' })).toThrow(/PUBLIC_URL/);
      expect(loadAppConfig({ ...production, DASHBOARD_URL: 'https://app.example', PORTAL_URL: 'https://me.example' }).links).toEqual({
        dashboardUrl: 'https://app.example',
        portalUrl: 'https://me.example',
      });
    });
  });

  it('refuses a short JWT secret without repeating it', () => {
    expect(() => loadAppConfig({ ...complete, JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadAppConfig({ ...complete, JWT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('gives one message per bad variable', () => {
    expect(() => loadAppConfig({ ...complete, PORT: 'abc' })).toThrow(
      new ConfigurationError(['PORT must be an integer number (got "abc")']),
    );
  });

  describe('NOTES_ENCRYPTION_KEY', () => {
    it('reads keyId:base64 entries, the first one for writes', () => {
      const older = `k0:${randomBytes(32).toString('base64')}`;
      const config = loadAppConfig({ ...complete, NOTES_ENCRYPTION_KEY: `${notesKey},${older}` });
      expect(config.notes.keyring.keys.map((key) => key.id)).toEqual(['k1', 'k0']);
    });

    it('refuses a key of the wrong length, without repeating it', () => {
      const short = `k1:${randomBytes(16).toString('base64')}`;
      expect(() => loadAppConfig({ ...complete, NOTES_ENCRYPTION_KEY: short })).toThrow(
        new ConfigurationError(['NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded (key "k1" is not)']),
      );
      const bare = randomBytes(32).toString('base64');
      expect(() => loadAppConfig({ ...complete, NOTES_ENCRYPTION_KEY: bare })).toThrow(/keyId:base64/);
      expect(() => loadAppConfig({ ...complete, NOTES_ENCRYPTION_KEY: bare })).not.toThrow(bare);
    });

    it('is generated once into the data directory outside production, next to the other secrets', () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-config-'));
      try {
        // A secrets file from before notes existed keeps its secrets and gains the key.
        fs.writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ jwtSecret: 'x'.repeat(40), databaseAppPassword: 'y'.repeat(20) }));
        const first = loadAppConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
        expect(first.auth.jwtSecret).toBe('x'.repeat(40));
        expect(first.notes.keyring.keys.map((key) => key.id)).toEqual(['dev']);
        const again = loadAppConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
        expect(again.notes.keyring.keys[0].key.equals(first.notes.keyring.keys[0].key)).toBe(true);
        const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
        expect(stored).toEqual({ jwtSecret: 'x'.repeat(40), databaseAppPassword: 'y'.repeat(20), notesEncryptionKey: expect.stringMatching(/^dev:/) });
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
