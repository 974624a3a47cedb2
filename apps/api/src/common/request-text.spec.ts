import { MAX_JSON_DEPTH, nestsDeeperThan } from './request-text';

const nested = (depth: number) => `${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}`;

describe('nestsDeeperThan', () => {
  it('counts objects and lists alike, up to the limit and one past it', () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(`[${nested(MAX_JSON_DEPTH)}]`, MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('[[1],[2],{"a":[3]}]', 3)).toBe(false);
  });

  it('does not count brackets inside text, escaped quotes included', () => {
    expect(nestsDeeperThan(`{"note":"${'[{'.repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"note":"a \\" ${'['.repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"note":"a \\\\", "list":[[1]]}`, 2)).toBe(true);
  });
});
