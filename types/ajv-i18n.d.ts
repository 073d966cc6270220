declare module 'ajv-i18n/localize/zh' {
  import type { ErrorObject } from 'ajv';
  const localize: (errors?: ErrorObject[] | null) => void;
  export default localize;
}
declare module '*.generated.js' {
  const validate: (data: unknown) => boolean;
  export default validate;
}
