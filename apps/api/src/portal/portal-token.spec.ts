import type { FastifyRequest } from 'fastify';
import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { newSecretToken } from '../common/crypto/tokens';
import { pinoOptions } from '../common/logging';
import type { AppConfig } from '../config/app-config';
import { portalTokenHash, presentedPortalToken } from './portal-token';

const withAuthorization = (authorization?: string) => ({ headers: { authorization } }) as FastifyRequest;

describe('portal tokens', () => {
  const token = newSecretToken();

  it('accepts only a Bearer token shaped like one of ours', () => {
    expect(presentedPortalToken(withAuthorization(`Bearer ${token}`))).toBe(token);
    expect(presentedPortalToken(withAuthorization(`bearer ${token}`))).toBe(token);
    for (const refused of [undefined, '', token, `Basic ${token}`, `Bearer ${token}=`, `Bearer ${token.slice(1)}`, 'Bearer a.b.c', `Bearer ${token} x`]) {
      expect(presentedPortalToken(withAuthorization(refused))).toBeNull();
    }
  });

  it('hashes to the 32 bytes stored in token_sha256', () => {
    expect(portalTokenHash(token)).toHaveLength(32);
    expect(portalTokenHash(token)).toEqual(portalTokenHash(token));
    expect(portalTokenHash(token)).not.toEqual(portalTokenHash(newSecretToken()));
  });

  it('never reaches the request log, from the header or a query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pinoHttp({ ...pinoOptions({ logLevel: 'info', environment: 'test' } as AppConfig), transport: undefined }, sink);
    const server = createServer((req, res) => {
      log(req, res);
      res.statusCode = 401;
      res.end();
    });
    await request(server).get(`/api/portal/me?token=${token}`).set('Authorization', `Bearer ${token}`).expect(401);
    expect(lines.join('')).toContain('/api/portal/me');
    expect(lines.join('')).not.toContain(token);
  });
});
