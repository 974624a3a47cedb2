export * from './phases';
export * from './exercises';
export * from './measures';
export * from './agreements';
