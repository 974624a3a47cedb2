import { welcome } from '../test/portal';
import { privateReadersSentence } from './private-readers';

const readers = (therapists: string[], practiceOwners: string[]) =>
  privateReadersSentence({
    ...welcome,
    privateReaders: { therapists: therapists.map((name) => ({ name })), practiceOwners: practiceOwners.map((name) => ({ name })) },
  });

describe('privateReadersSentence', () => {
  it('names the case’s therapists and the practice’s owners, as the API lists them', () => {
    expect(readers(['Dr Mira Okafor'], ['Olive Owner'])).toBe(
      'Only your therapist, Dr Mira Okafor, and the owner of Harbour Counselling, Olive Owner, can read it.',
    );
    expect(readers(['Dr Mira Okafor', 'Tom Reed'], ['Olive Owner', 'Pat Second'])).toBe(
      'Only your therapists, Dr Mira Okafor and Tom Reed, and the owners of Harbour Counselling, Olive Owner and Pat Second, can read it.',
    );
  });

  it('leaves out whoever is not there', () => {
    expect(readers(['Dr Mira Okafor'], [])).toBe('Only your therapist, Dr Mira Okafor, can read it.');
    expect(readers([], ['Olive Owner'])).toBe('Only the owner of Harbour Counselling, Olive Owner, can read it.');
  });
});
