import type { ArgumentMetadata } from '@nestjs/common';
import { NotFoundError } from './errors/domain-error';
import { recordIdPipe } from './record-id-pipe';

class RecordNotFound extends NotFoundError {
  constructor() {
    super('No such record.');
  }
}

const pipe = recordIdPipe(() => new RecordNotFound());
const PATH: ArgumentMetadata = { type: 'param', data: 'id' };

describe('record ids in a path', () => {
  it('reads ids of any version PostgreSQL stores, not only versions 1 to 8', () => {
    // Random (v4), time-ordered (v7), hash-made without the standard's version bits (imported rows keep theirs), nil.
    for (const id of ['5f0c6b1e-3c1d-4e0b-9d7e-2f4c1a2b3c4d', '01936f2e-7a41-7cc3-9a2e-2b1d4c5e6f70', '9e107d9d-372b-b682-6b69-89c7d9f1c1f3', '00000000-0000-0000-0000-000000000000']) {
      expect(pipe.transform(id, PATH)).toBe(id);
    }
  });

  it('answers anything that cannot be an id as the unknown record', () => {
    for (const id of ['', 'not-a-case', '5f0c6b1e3c1d4e0b9d7e2f4c1a2b3c4d', '{5f0c6b1e-3c1d-4e0b-9d7e-2f4c1a2b3c4d}', '5f0c6b1e-3c1d-4e0b-9d7e-2f4c1a2b3c4g']) {
      expect(() => pipe.transform(id, PATH)).toThrow(RecordNotFound);
    }
  });
});
