import { Injectable } from '@nestjs/common';

/** Placeholder: filled in by the billing work. */
@Injectable()
export class PaymentsService {}
