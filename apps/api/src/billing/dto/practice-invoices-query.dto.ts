import { ApiPropertyOptional } from '@nestjs/swagger';
import { InvoiceStatus } from '@trustwork/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/dto-pagination';

const INVOICE_STATUSES = Object.values(InvoiceStatus);

/** The practice's invoices and credit notes, newest first, a page at a time. */
export class PracticeInvoicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES, { message: `status must be one of: ${INVOICE_STATUSES.join(', ')}` })
  status?: InvoiceStatus;
}
