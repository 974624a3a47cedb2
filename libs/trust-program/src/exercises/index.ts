export * from './types';
export * from './scheduling';
export * from './answers';
export * from './definition-checks';
export * from './check-in';
export * from './library';
