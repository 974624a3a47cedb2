import { ApiProperty } from '@nestjs/swagger';
import { ELECTRONIC_SIGNATURE_STATEMENT, SIGNATURE_NAME_MAX, type SignAgreementRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { Equals, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

export class SignAgreementDto implements SignAgreementRequest {
  @ApiProperty({ minimum: 1, description: 'the version that was read' })
  @Min(1, { message: 'version must be the version you read' })
  @IsInt({ message: 'version must be the version you read' })
  version: number;

  @ApiProperty({ description: 'the documentHash of the text that was read' })
  @MaxLength(128, { message: 'documentHash must be the documentHash of the text you read' })
  @IsString({ message: 'documentHash must be the documentHash of the text you read' })
  @IsNotEmpty({ message: 'documentHash is required' })
  documentHash: string;

  @ApiProperty({ maxLength: SIGNATURE_NAME_MAX, description: 'the signer’s full name as they type it' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(SIGNATURE_NAME_MAX, { message: `typedName must be at most ${SIGNATURE_NAME_MAX} characters` })
  @IsString({ message: 'typedName must be text' })
  @IsNotEmpty({ message: 'typedName is required: type your full name to sign' })
  typedName: string;

  @ApiProperty({ description: `must be true: the signer confirmed "${ELECTRONIC_SIGNATURE_STATEMENT}"` })
  @Equals(true, { message: 'intendToSign must be true: confirm that you intend to sign electronically' })
  intendToSign: boolean;
}
