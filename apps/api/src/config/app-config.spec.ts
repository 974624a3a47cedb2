import { ConfigurationError, loadAppConfig } from './app-config';

const complete = { NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(40), DATABASE_APP_PASSWORD: 'p'.repeat(20) };

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
    const config = loadAppConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://owner@db/trustwork',
      JWT_SECRET: 'j'.repeat(40),
      DATABASE_APP_PASSWORD: 'p'.repeat(20),
      CORS_ORIGINS: 'https://app.example.com, https://portal.example.com',
    });
    expect(config.http.corsOrigins).toEqual(['https://app.example.com', 'https://portal.example.com']);
    expect(config.seedDemoPractice).toBe(false);
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
});
