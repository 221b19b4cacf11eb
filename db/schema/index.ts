export * from './auth';
export * from './relying-parties';
export * from './register';
export * from './identities';
export * from './applications';
export * from './email';
export * from './security';
export * from './stats';
