import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'trustwork:public';

/** The route needs no dashboard sign-in (health, sign-in itself, the portal). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
