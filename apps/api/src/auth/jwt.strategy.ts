import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BACKGROUND_REQUEST_HEADER } from '@trustwork/contracts';
import type { FastifyRequest } from 'fastify';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { UnauthenticatedError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService, type AccessTokenClaims } from './auth.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given the secret as text, jsonwebtoken first tries (and fails) to parse it as
      // a public key on every request, a tenth of the API's CPU under load. passport-jwt's types predate KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /**
   * A deactivated user, a changed role or an ended session takes effect on the next request, not
   * at token expiry. A request the dashboard marks as background (a poll) is no activity.
   */
  async validate(request: FastifyRequest, claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const user = await this.auth.authenticate(claims, request.headers[BACKGROUND_REQUEST_HEADER] === undefined);
    if (!user) throw new UnauthenticatedError('Your session has ended. Please sign in again.');
    return user;
  }
}
