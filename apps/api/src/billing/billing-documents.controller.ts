import { Controller } from '@nestjs/common';

/** Placeholder: filled in by the billing work. */
@Controller()
export class BillingDocumentsController {}
