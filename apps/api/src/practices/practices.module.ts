import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Practice } from './practice.entity';
import { PracticesService } from './practices.service';

@Module({
  imports: [TypeOrmModule.forFeature([Practice])],
  providers: [PracticesService],
  exports: [PracticesService],
})
export class PracticesModule {}
