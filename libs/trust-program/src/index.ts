export * from './phases';
export * from './exercises';
