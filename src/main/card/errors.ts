/** Reader and connection failures, each with a code the screens and the CLI turn into one clear line. */
export class ReaderError extends Error {
  override name = 'ReaderError';
  constructor(
    readonly code: 'no_service' | 'no_reader' | 'no_card' | 'removed' | 'timeout' | 'connect' | 'transmit',
    message: string,
  ) {
    super(message);
  }
}
