import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type Payment } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import { PaymentIdPipe } from './billing.pipes';
import { RecordPaymentDto, RefundPaymentDto } from './dto/payment.dto';
import { PaymentsService } from './payments.service';

/** Money received for a case, put on its invoices, and refunds of it. */
@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get('cases/:id/payments')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<Payment[]> {
    return this.payments.list(user, caseId);
  }

  @Post('cases/:id/payments')
  record(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: RecordPaymentDto): Promise<Payment> {
    return this.payments.record(user, caseId, request);
  }

  @Post('payments/:id/refunds')
  refund(@CurrentUser() user: AuthenticatedUser, @Param('id', PaymentIdPipe) paymentId: string, @Body() request: RefundPaymentDto): Promise<Payment> {
    return this.payments.refund(user, paymentId, request);
  }
}
