import account from './account.js';
import audit from './audit.js';
import common from './common.js';
import institution from './institution.js';
import network from './network.js';
import progress from './progress.js';
import share from './share.js';
import training from './training.js';
import upload from './upload.js';
import versions from './versions.js';

const modules = [
  common,
  network,
  training,
  progress,
  institution,
  share,
  account,
  versions,
  upload,
  audit,
] as const;

type Union<M> = M extends { en: infer E } ? E : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type English = Intersect<Union<(typeof modules)[number]>>;

export type MessageKey = keyof English & string;
export type Catalogue = Record<MessageKey, string>;

function merge(locale: 'en' | 'es' | 'zh'): Catalogue {
  return Object.assign({}, ...modules.map((m) => m[locale])) as Catalogue;
}

/** Every UI string, by language. */
export const catalogues = { en: merge('en'), es: merge('es'), zh: merge('zh') } as const;
