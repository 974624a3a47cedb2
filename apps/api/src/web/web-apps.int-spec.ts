import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import request from 'supertest';
import { createApp } from '../app-factory';
import { loadAppConfig } from '../config/app-config';
import { appDatabaseUrl, ownerDatabaseUrl } from '../../test/test-database';

describe('serving the built web apps', () => {
  let app: NestFastifyApplication;
  let rootDir: string;

  beforeAll(async () => {
    rootDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-web-'));
    for (const [app, title] of [['dashboard', 'Dashboard'], ['portal', 'Portal']]) {
      fs.mkdirSync(path.join(rootDir, `apps/${app}/dist/assets`), { recursive: true });
      fs.writeFileSync(path.join(rootDir, `apps/${app}/dist/index.html`), `<title>${title}</title>`);
      fs.writeFileSync(path.join(rootDir, `apps/${app}/dist/assets/main-abc123.js`), `console.log('${title}')`);
      // The build's brotli copies (tools/precompress-assets), for the browsers that accept them.
      fs.writeFileSync(path.join(rootDir, `apps/${app}/dist/index.html.br`), brotliCompressSync(`<title>${title}</title>`));
      fs.writeFileSync(path.join(rootDir, `apps/${app}/dist/assets/main-abc123.js.br`), brotliCompressSync(`console.log('${title}')`));
    }
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ownerDatabaseUrl(),
      DATABASE_APP_URL: appDatabaseUrl(),
      JWT_SECRET: process.env.TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
    });
    app = await createApp({ ...config, rootDir }, appDatabaseUrl());
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(rootDir, { recursive: true, force: true });
  });

  it('serves each app’s index for its client-side routes and its hashed assets for a year', async () => {
    const http = request(app.getHttpServer());
    for (const route of ['/', '/cases/0b7e4f9a-2c1d-4e5f-8a9b-0c1d2e3f4a5b/sessions', '/audit']) {
      const page = await http.get(route).expect(200);
      expect(page.text).toBe('<title>Dashboard</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    // Each portal screen has its own address, so a reload or a shared history entry must land in the portal.
    for (const route of ['/p/', '/p', '/p/check-in', '/p/private', '/p/shared', '/p/homework', '/p/homework/0b7e4f9a-2c1d-4e5f-8a9b-0c1d2e3f4a5b']) {
      const page = await http.get(route).expect(200);
      expect(page.text).toBe('<title>Portal</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const asset = await http.get('/assets/main-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('sends the build’s brotli copies to browsers that accept them, and the plain files to the others', async () => {
    const fastify = app.getHttpAdapter().getInstance();
    const asset = await fastify.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers.vary).toContain('accept-encoding');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(asset.rawPayload).toString()).toBe("console.log('Dashboard')");

    const page = await fastify.inject({ url: '/p/homework', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe('<title>Portal</title>');

    const plain = await fastify.inject({ url: '/p/assets/main-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.body).toBe("console.log('Portal')");
  });

  it('answers 404 for a missing file instead of an index page', async () => {
    const http = request(app.getHttpServer());
    for (const missing of ['/assets/main-old999.js', '/p/assets/main-old999.js', '/favicon.ico', '/cases/report.pdf']) {
      const response = await http.get(missing).expect(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not found.' });
    }
    const api = await http.get('/api/no-such-route').expect(404);
    expect(api.body.message).toBe('No API route GET /api/no-such-route.');
  });
});
