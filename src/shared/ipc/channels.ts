/** Channel names and the API method → channel map, free of zod so the preload bundle stays tiny. */
export const API_METHODS = {
  info: 'app:info',
  evaluate: 'rules:evaluate',
} as const;

export type Channel = (typeof API_METHODS)[keyof typeof API_METHODS];
