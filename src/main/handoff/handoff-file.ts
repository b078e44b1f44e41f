/**
 * The hand-off as a file, for a USB stick or a shared folder the レセコン reads: one XML per check,
 * named by the check's day and id so a folder of them sorts by day. Unmasked on purpose — it is
 * for the clinic's own system — so it is written owner-only.
 */
import { writeFileSync } from 'node:fs';

/** e.g. `20261206-check42-patientmodv2-class01.xml`: the class says which call the レセコン should make with it. */
export const handoffFilename = (checkDate: string, checkId: number, orcaClass: string): string =>
  `${checkDate.replace(/-/g, '')}-check${checkId}-patientmodv2-class${orcaClass}.xml`;

export function writeHandoffFile(path: string, xml: string): void {
  writeFileSync(path, xml, { encoding: 'utf8', mode: 0o600 });
}
