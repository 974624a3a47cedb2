export * from './roles';
export * from './auth';
export * from './team';
export * from './errors';
