import { Injectable } from '@nestjs/common';

/** The time jobs act at; a provider of its own so tests can set the hour without waiting for it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
