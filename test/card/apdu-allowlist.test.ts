/** The allow-list on its own: what may reach a card, in which state. */
import { describe, expect, it } from 'vitest';
import { ApduGuard, ApduRefused, redact } from '../../src/main/card/apdu-allowlist.ts';
import { apdu, endsWithLe } from '../../src/main/card/apdu.ts';
import { AID } from '../../src/main/card/constants.ts';

const h = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** A guard in a given state: the commands are replayed as if the card answered 9000. */
function guardAfter(...commands: Buffer[]): ApduGuard {
  const g = new ApduGuard();
  for (const c of commands) {
    g.check(c);
    g.answered(0x9000);
  }
  return g;
}
const inJpki = () => guardAfter(apdu.selectAid(AID.jpki));
const inKenhojo = () => guardAfter(apdu.selectAid(AID.kenhojo));

describe('APDU allow-list', () => {
  it('lets the app’s own sequences through', () => {
    const g = new ApduGuard();
    const ok = (c: Buffer) => {
      g.check(c);
      g.answered(0x9000);
    };
    ok(apdu.selectAid(AID.jpki));
    ok(apdu.readBinarySfi(0x06, 0x20));
    ok(apdu.verifyStatus(0x18));
    ok(apdu.readBinarySfi(0x0a, 0));
    ok(apdu.readBinary(256, 0));
    ok(apdu.verifyStatus(0x18));
    ok(apdu.verify(0x18, '1234'));
    ok(apdu.sign(0x17, Buffer.alloc(51)));
    ok(apdu.selectAid(AID.kenhojo));
    ok(apdu.verifyStatus(0x11));
    ok(apdu.verify(0x11, '1234'));
    ok(apdu.readBinarySfi(0x02, 0));
    ok(apdu.selectEf(0x0002));
    ok(apdu.readBinary(0, 0x10));
  });

  const refused: [string, () => ApduGuard, string][] = [
    ['SELECT 券面入力補助AP EF 0001 (個人番号)', inKenhojo, '00 A4 02 0C 02 00 01'],
    ['READ BINARY SFI 1 (個人番号) in the 券面入力補助AP', inKenhojo, '00 B0 81 00 00'],
    ['READ BINARY SFI 1 with an offset', inKenhojo, '00 B0 81 02 0F'],
    ['VERIFY 照合番号A by key reference (P2 94)', inKenhojo, '00 20 00 94 0C 313233343536373839303132'],
    ['empty VERIFY of 照合番号A', inKenhojo, '00 20 00 94'],
    ['SELECT of 照合番号A (EF 0014)', inKenhojo, '00 A4 02 0C 02 00 14'],
    ['SELECT of EF 0003 (hash of the 個人番号)', inKenhojo, '00 A4 02 0C 02 00 03'],
    ['empty VERIFY of the key blocked at issuance (0012)', inKenhojo, '00 20 00 92'],
    ['SELECT 券面AP', () => new ApduGuard(), '00 A4 04 0C 0A D3921000310001010402'],
    [
      'SELECT 券面AP EF 0005 (個人番号 image) after a partial AID',
      () => new ApduGuard(),
      '00 A4 04 0C 09 D39210003100010104',
    ],
    ['partial AID of the 券面入力補助AP', () => new ApduGuard(), '00 A4 04 0C 08 D392100031000101'],
    ['SELECT by AID with FCI (P2 00)', () => new ApduGuard(), '00 A4 04 00 0A D392F000260100000001'],
    ['READ BINARY SFI 5 (券面AP 個人番号 image)', inKenhojo, '00 B0 85 00 00'],
    ['VERIFY 券面AP 照合番号A (P2 93)', inKenhojo, '00 20 00 93'],
    ['READ of the sign certificate (EF 0001 in JPKI)', inJpki, '00 B0 81 00 00'],
    ['SELECT of the sign certificate', inJpki, '00 A4 02 0C 02 00 01'],
    ['VERIFY of the sign password', inJpki, '00 20 00 9B'],
    ['signature with the sign key', inJpki, '80 2A 00 9A 33' + '00'.repeat(51) + '00'],
    ['READ BINARY with no application selected', () => new ApduGuard(), '00 B0 00 00 20'],
    ['READ BINARY of a PIN key', () => guardAfter(apdu.selectAid(AID.jpki), apdu.selectEf(0x18)), '00 B0 00 00 04'],
    ['VERIFY with a non-digit PIN', inJpki, '00 20 00 98 04 41424344'],
    ['VERIFY with an 8-byte PIN', inJpki, '00 20 00 98 08 3132333435363738'],
    ['GET CHALLENGE', inJpki, '00 84 00 00 08'],
    ['INTERNAL AUTHENTICATE', inJpki, '00 88 00 00 10' + '00'.repeat(16)],
    ['UPDATE BINARY', inJpki, '00 D6 00 00 01 00'],
    ['SELECT MF by path', () => new ApduGuard(), '00 A4 00 00 02 3F00'],
    ['too short', () => new ApduGuard(), '00 A4'],
  ];
  it.each(refused)('refuses %s before it leaves', (_name, state, hexCmd) => {
    expect(() => state().check(h(hexCmd))).toThrow(ApduRefused);
  });

  it('forgets the selection when a SELECT fails or on reset', () => {
    const g = guardAfter(apdu.selectAid(AID.jpki));
    g.check(apdu.selectAid(AID.kenhojo));
    g.answered(0x6a82);
    expect(() => g.check(apdu.verifyStatus(0x18))).toThrow(/no application/);
    const g2 = inJpki();
    g2.reset();
    expect(() => g2.check(apdu.readBinarySfi(0x0a, 0))).toThrow(ApduRefused);
  });

  describe('the PIN rule', () => {
    /** The guard after an empty VERIFY of `key` that the card answered with `sw`. */
    const afterCounter = (key: number, sw: number, app = AID.jpki) => {
      const g = guardAfter(apdu.selectAid(app));
      g.check(apdu.verifyStatus(key));
      g.answered(sw);
      return g;
    };

    it('a PIN attempt goes out right after its own key’s counter read showing 2 or more tries', () => {
      expect(() => afterCounter(0x18, 0x63c3).check(apdu.verify(0x18, '1234'))).not.toThrow();
      expect(() => afterCounter(0x18, 0x63c2).check(apdu.verify(0x18, '1234'))).not.toThrow();
      expect(() => afterCounter(0x11, 0x63c3, AID.kenhojo).check(apdu.verify(0x11, '1234'))).not.toThrow();
    });

    it('refuses an attempt without a counter read, after another command, for another key, or a second time', () => {
      expect(() => inJpki().check(apdu.verify(0x18, '1234'))).toThrow(/counter/);
      const between = afterCounter(0x18, 0x63c3);
      between.check(apdu.readBinarySfi(0x06, 0x20));
      between.answered(0x9000);
      expect(() => between.check(apdu.verify(0x18, '1234'))).toThrow(/counter/);
      const twice = afterCounter(0x18, 0x63c3);
      twice.check(apdu.verify(0x18, '1234'));
      twice.answered(0x63c2);
      expect(() => twice.check(apdu.verify(0x18, '1234'))).toThrow(/counter/);
      // A counter read that failed (6Cxx, garbage) counts for nothing.
      expect(() => afterCounter(0x18, 0x6c04).check(apdu.verify(0x18, '1234'))).toThrow(/counter/);
    });

    it('the last try needs the one-shot confirmation for that key and that read; a blocked key never', () => {
      expect(() => afterCounter(0x18, 0x63c1).check(apdu.verify(0x18, '1234'))).toThrow(/last PIN try/);
      const confirmed = afterCounter(0x18, 0x63c1);
      confirmed.confirmLastTry(0x18);
      expect(() => confirmed.check(apdu.verify(0x18, '1234'))).not.toThrow();
      expect(() => afterCounter(0x18, 0x63c3).confirmLastTry(0x18)).toThrow(ApduRefused);
      expect(() => afterCounter(0x18, 0x63c0).check(apdu.verify(0x18, '1234'))).toThrow(/blocked/);
      // The token does not survive the next command: a new read needs a new confirmation.
      const stale = afterCounter(0x18, 0x63c1);
      stale.confirmLastTry(0x18);
      stale.check(apdu.verifyStatus(0x18));
      stale.answered(0x63c1);
      expect(() => stale.check(apdu.verify(0x18, '1234'))).toThrow(/last PIN try/);
    });
  });

  it('tells commands that end in Le (ISO cases 2, 4) from those whose last byte is data (case 3)', () => {
    expect(endsWithLe(apdu.readBinary(0, 0x20))).toBe(true);
    expect(endsWithLe(apdu.sign(0x17, Buffer.alloc(51)))).toBe(true);
    expect(endsWithLe(apdu.verify(0x18, '1234'))).toBe(false);
    expect(endsWithLe(apdu.verifyStatus(0x18))).toBe(false);
    expect(endsWithLe(apdu.selectAid(AID.jpki))).toBe(false);
  });

  it('never shows PIN digits in what it reports', () => {
    expect(redact(apdu.verify(0x18, '4711'))).not.toContain('34373131');
    try {
      inJpki().check(h('00 20 00 98 08 3132333435363738'));
    } catch (e) {
      expect((e as Error).message).not.toMatch(/3132333435363738/);
    }
  });
});
