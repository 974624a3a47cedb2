import { describe, expect, it } from 'vitest';
import { greeting } from '../greeting';

// 09:00 in London: morning by the practice's clock.
const morning = new Date('2026-03-02T09:00:00Z');
const hello = (name: string) => greeting(name, morning, 'Europe/London');

describe('greeting', () => {
  it('uses the first name of a name without a title', () => {
    expect(hello('Dana Whitfield')).toBe('Good morning, Dana');
  });

  it('addresses a person who gave a title by title and surname, never the title as a first name', () => {
    expect(hello('Dr Jane Doe')).toBe('Good morning, Dr Doe');
    expect(hello('Dr. Jane Doe')).toBe('Good morning, Dr. Doe');
    expect(hello('prof Ada Lovelace King')).toBe('Good morning, prof King');
    expect(hello('Mx Sam Rivera')).toBe('Good morning, Mx Rivera');
  });

  it('leaves letters after a comma out of the surname', () => {
    expect(hello('Dr Jane Doe, PhD')).toBe('Good morning, Dr Doe');
  });

  it('does not take a first name that merely starts like a title for one', () => {
    expect(hello('Drew Mistry')).toBe('Good morning, Drew');
    expect(hello('Ms')).toBe('Good morning');
  });

  it('greets without a name when there is none', () => {
    expect(hello('  ')).toBe('Good morning');
  });
});
