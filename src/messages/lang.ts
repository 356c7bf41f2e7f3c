export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
