import { Injectable } from '@nestjs/common';
import { PAYMENT_METHODS, type PaymentMethod } from '@trustwork/contracts';

/** What a processor is asked to take or give back. */
export interface ProcessorRequest {
  practiceId: string;
  payerId: string;
  method: PaymentMethod;
  amount: number;
  reference: string | null;
}

/** The processor's own id for the money moved, when it has one. */
export interface ProcessorReceipt {
  reference: string | null;
}

/**
 * Who handles the money. `payments.processor` keeps the key of the one that took a payment,
 * so its refund goes back through the same one. A card processor is one more entry here.
 */
export interface PaymentProcessor {
  readonly key: string;
  readonly label: string;
  readonly methods: readonly PaymentMethod[];
  record(request: ProcessorRequest): Promise<ProcessorReceipt>;
  refund(request: ProcessorRequest & { paymentReference: string | null }): Promise<ProcessorReceipt>;
}

/** Money taken elsewhere (cash, a cheque, a card terminal, a bank transfer): Trustwork only writes it down. */
class ManualProcessor implements PaymentProcessor {
  readonly key = 'manual';
  readonly label = 'Money taken elsewhere';
  readonly methods = PAYMENT_METHODS;

  record(): Promise<ProcessorReceipt> {
    return Promise.resolve({ reference: null });
  }

  refund(): Promise<ProcessorReceipt> {
    return Promise.resolve({ reference: null });
  }
}

/** The processors this installation has; the first that takes a method handles it. */
@Injectable()
export class PaymentProcessors {
  private readonly processors: readonly PaymentProcessor[] = [new ManualProcessor()];

  forMethod(method: PaymentMethod): PaymentProcessor {
    const found = this.processors.find((processor) => processor.methods.includes(method));
    if (!found) throw new Error(`No payment processor takes ${method}`);
    return found;
  }

  byKey(key: string): PaymentProcessor {
    const found = this.processors.find((processor) => processor.key === key);
    if (!found) throw new Error(`No payment processor named ${key}`);
    return found;
  }
}
