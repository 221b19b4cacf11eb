// zod's API, named one export at a time. A namespace import (`import { z } from 'zod'`) keeps every export of zod
// alive in the browser bundle, the error messages of all its locales included (≈ 100 KB gzip on every form page);
// named imports let the bundler leave out what no schema uses.
export {
  array,
  boolean,
  coerce,
  config,
  discriminatedUnion,
  email,
  enum,
  flattenError,
  input,
  iso,
  literal,
  NEVER,
  number,
  object,
  output,
  preprocess,
  record,
  string,
  undefined,
  union,
  unknown,
  url,
  uuid,
  ZodError,
  ZodType,
} from 'zod';
export type { infer } from 'zod';
