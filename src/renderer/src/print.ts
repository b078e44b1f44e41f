/** Prints one printout: the browser's print (browser mode) or Electron's, with the other sheet hidden. */
export type Printout = 'declaration' | 'renewal';

export function printSheet(which: Printout): void {
  document.body.dataset.printing = which;
  window.addEventListener('afterprint', () => delete document.body.dataset.printing, { once: true });
  window.print();
}
