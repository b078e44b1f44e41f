/**
 * Rule packs end to end on real files: signing, verification, import through the CLI, refusals
 * that leave the active pack untouched, kill -9 in the middle of an import, rollback, selection by
 * date, local practice. Keys are generated per run; the app's resources are copied with the test
 * publisher key in place of the real one.
 */
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/main/rule-packs/manifest.ts';
import { buildPack, loadPublisherKeys, verifyPack } from '../../src/main/rule-packs/pack-file.ts';
import { loadRuleSet } from '../../src/main/rule-packs/rule-set.ts';
import { RulesService } from '../../src/main/services/rules-service.ts';
import { insurerCheckDigit } from '../../src/shared/domain/insurer-number.ts';
import { ROOT, runCli } from '../cli/run-cli.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tampering reaches into any part of the JSON
type PackJson = any;
const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-packs-'));
const resources = join(tmp, 'resources');
const builtIn = JSON.parse(readFileSync(join(ROOT, 'resources', 'rules', 'rulebook.json'), 'utf8')) as {
  version: string;
  rules: { id: string; statement: { ja: string } }[];
};

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    pub: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    priv: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
const publisher = keyPair();
const stranger = keyPair();

/** A pack folder from the built-in rulebook with a new version, effective date and edits. */
function packDir(
  name: string,
  version: string,
  effective: string,
  edit: (book: typeof builtIn) => void = () => undefined,
): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const book = structuredClone(builtIn);
  book.version = version;
  edit(book);
  writeFileSync(join(dir, 'rulebook.json'), JSON.stringify(book, null, 2));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      packId: 'jp.uketsuke.national',
      version,
      published: '2026-11-25',
      effective,
      files: [{ path: 'rulebook.json' }],
    }),
  );
  return dir;
}

function packFile(
  name: string,
  version: string,
  effective: string,
  edit?: (book: typeof builtIn) => void,
  key = publisher.priv,
  keyId = 'test-publisher',
): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, buildPack(packDir(name, version, effective, edit), key, keyId));
  return file;
}

/** The CLI on the test resources (with the test publisher key) and a given data folder. */
const cli = (dataDir: string, ...args: string[]) =>
  runCli(['rules', ...args, '--resources', resources, '--data-dir', dataDir]);

/** Everything under the data folder, with contents: "unchanged" means byte for byte. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const situation = (date: string, extra: Record<string, unknown> = {}) => ({
  date,
  facility: { onlineCheck: 'unavailable', smartphoneReader: false },
  patient: { birthDate: '1980-05-01', insurerType: 'kokuho', ...extra },
  documents: [{ kind: 'qualification_certificate', expiry: '2027-07-31' }],
});

let v1: string;
let v2: string;

beforeAll(() => {
  cpSync(join(ROOT, 'resources', 'rules'), join(resources, 'rules'), { recursive: true });
  cpSync(join(ROOT, 'resources', 'jpki-ca'), join(resources, 'jpki-ca'), { recursive: true });
  rmSync(join(resources, 'rules', 'keys'), { recursive: true, force: true });
  mkdirSync(join(resources, 'rules', 'keys'));
  writeFileSync(join(resources, 'rules', 'keys', 'test-publisher.pem'), publisher.pub);
  v1 = packFile('v1', '2026.12.10', '2026-12-01', (b) => (b.rules[0]!.statement.ja += '（12月改定）'));
  v2 = packFile('v2', '2027.01.01', '2027-01-01', (b) => {
    b.rules = b.rules.filter((r) => r.id !== 'R-02');
  });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the built-in rulebook', () => {
  it('matches its manifest (edit rulebook.json only together with its hash)', () => {
    const set = loadRuleSet(join(ROOT, 'resources'), join(tmp, 'nothing-installed'));
    expect(set.books).toHaveLength(1);
    expect(set.books[0]!.info).toMatchObject({
      packId: 'jp.uketsuke.national',
      version: builtIn.version,
      origin: 'built-in',
    });
  });

  it('ships an Ed25519 publisher key and no private key', () => {
    const dir = join(ROOT, 'resources', 'rules', 'keys');
    expect(loadPublisherKeys(dir).size).toBeGreaterThan(0);
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain('PRIVATE');
  });
});

describe('signing and verifying', () => {
  const keys = () => loadPublisherKeys(join(resources, 'rules', 'keys'));

  it('a signed pack verifies', () => {
    const p = verifyPack(readFileSync(v1), keys());
    expect(p.manifest).toMatchObject({ version: '2026.12.10', effective: '2026-12-01' });
    expect(p.keyId).toBe('test-publisher');
  });

  it.each([
    [
      'a changed file',
      (j: PackJson) =>
        (j.files['rulebook.json'] = Buffer.from(
          Buffer.from(j.files['rulebook.json'], 'base64').toString().replace('12月改定', '12月改竄'),
        ).toString('base64')),
      /changed after signing/,
    ],
    ['a changed manifest', (j: PackJson) => (j.manifest.effective = '2026-11-01'), /signature does not match/],
    ['an unsigned pack', (j: PackJson) => delete j.signature, /not signed/],
    ['an extra file', (j: PackJson) => (j.files['extra.json'] = 'e30='), /not in the signed manifest/],
    ['a foreign format', (j: PackJson) => (j.format = 'zip'), /not a valid rule pack/],
  ])('refuses %s', (_what, tamper, message) => {
    const json = JSON.parse(readFileSync(v1, 'utf8'));
    tamper(json);
    expect(() => verifyPack(Buffer.from(JSON.stringify(json)), keys())).toThrow(message);
  });

  it('refuses a pack signed with a key the app does not ship', () => {
    const forged = packFile('forged', '2026.12.02', '2026-12-02', undefined, stranger.priv, 'test-publisher');
    expect(() => verifyPack(readFileSync(forged), keys())).toThrow(/signature does not match/);
    const unknown = packFile('unknown', '2026.12.03', '2026-12-03', undefined, stranger.priv, 'someone-else');
    expect(() => verifyPack(readFileSync(unknown), keys())).toThrow(/not a publisher key this app trusts/);
  });

  it('refuses a validly signed pack whose rulebook breaks the schema', () => {
    const json = JSON.parse(readFileSync(v1, 'utf8'));
    const book = { ...builtIn, version: '2026.12.10', rules: [{ id: 'R-01' }] };
    const data = Buffer.from(JSON.stringify(book));
    json.files['rulebook.json'] = data.toString('base64');
    json.manifest.files[0].sha256 = createHash('sha256').update(data).digest('hex');
    json.signature.value = sign(
      null,
      Buffer.from(canonicalJson(json.manifest)),
      createPrivateKey(publisher.priv),
    ).toString('base64');
    expect(() => verifyPack(Buffer.from(JSON.stringify(json)), keys())).toThrow(/invalid rulebook/);
  });
});

describe('import, refusals and rollback through the CLI', () => {
  const data = join(tmp, 'data-cli');

  it('imports, lists, and refuses a tampered pack with one line, leaving the active pack unchanged', async () => {
    expect((await cli(data, 'import', v1)).code).toBe(0);
    const before = snapshot(data);
    const json = JSON.parse(readFileSync(v2, 'utf8'));
    json.manifest.effective = '2026-12-02';
    const tampered = join(tmp, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(json));
    const r = await cli(data, 'import', tampered);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^uketsuke: the signature does not match/);
    expect(snapshot(data)).toEqual(before);
    expect((await cli(data, 'list')).stdout).toMatch(/installed jp\.uketsuke\.national@2026\.12\.10 .*← active/);
  });

  it('refuses a downgrade and a re-import; diff prints the changes between two packs', async () => {
    const before = snapshot(data);
    const older = packFile('older', '2026.12.08', '2026-12-08');
    const r = await cli(data, 'import', older);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not newer than the rules in use \(2026\.12\.10\)/);
    expect((await cli(data, 'import', v1)).code).toBe(2);
    expect(snapshot(data)).toEqual(before);
    const diff = await cli(data, 'diff', v1, v2);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('jp.uketsuke.national@2026.12.10 → jp.uketsuke.national@2027.01.01');
    expect(diff.stdout).toMatch(/- 削除 removed\s+R-02 /);
    expect((await cli(data, 'diff', 'built-in', 'active')).stdout).toMatch(/~ 変更 changed\s+R-01 /);
  });

  it('rolls back to the pack before, then to the built-in rules, then says there is nothing left', async () => {
    expect((await cli(data, 'import', v2)).code).toBe(0);
    expect((await cli(data, 'rollback')).stdout).toContain('now in use: jp.uketsuke.national@2026.12.10');
    expect((await cli(data, 'rollback')).stdout).toContain('built-in');
    const r = await cli(data, 'rollback');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to roll back/);
  });

  it.each(['pack:before-rename', 'pack-written', 'state:before-rename'])(
    'kill -9 at %s: the old pack stays active and intact; the next import works',
    async (point) => {
      const dir = join(tmp, `data-crash-${point.replace(/\W/g, '-')}`);
      expect((await cli(dir, 'import', v1)).code).toBe(0);
      const crashed = await runCli(['rules', 'import', v2, '--resources', resources, '--data-dir', dir], {
        env: { UKETSUKE_CRASH_AT: point },
      });
      expect(crashed.signal).toBe('SIGKILL');
      const set = loadRuleSet(resources, dir);
      expect(set.problems).toEqual([]);
      expect(set.books.at(-1)!.info.version).toBe('2026.12.10');
      expect((await cli(dir, 'import', v2)).code).toBe(0);
      expect(readdirSync(join(dir, 'rules')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(join(dir, 'rules', 'packs')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(loadRuleSet(resources, dir).books.at(-1)!.info.version).toBe('2027.01.01');
    },
  );
});

describe('the fixture packs (test/fixtures/packs, signed with a test-only key)', () => {
  it('rules diff prints the added, changed and removed rules with their dates, in Japanese and English', async () => {
    const fx = join(ROOT, 'test', 'fixtures', 'packs');
    const r = await runCli([
      'rules',
      'diff',
      join(fx, '2026.12.01.json'),
      join(fx, '2027.01.01.json'),
      '--keys',
      join(fx, 'keys'),
    ]);
    expect(r.stdout.trim().split('\n')).toEqual([
      'jp.uketsuke.national@2026.12.01 → jp.uketsuke.national@2027.01.01: 2 rule(s) differ',
      expect.stringMatching(
        /^\+ 追加 added {2}R-04-kouki {2}資格確認書は.+ \/ A qualification certificate.+\[2027-01-01 〜\]$/,
      ),
      expect.stringMatching(/^- 削除 removed {2}R-02 {2}.+ \/ .+\[2024-12-02 〜\]$/),
    ]);
    const changed = await runCli([
      'rules',
      'diff',
      'built-in',
      join(fx, '2026.12.01.json'),
      '--keys',
      join(fx, 'keys'),
    ]);
    expect(changed.stdout).toMatch(/~ 変更 changed {2}R-07 /);
  });

  it('the app itself does not trust the test key', async () => {
    const r = await runCli([
      'rules',
      'import',
      join(ROOT, 'test', 'fixtures', 'packs', '2026.12.01.json'),
      '--data-dir',
      join(tmp, 'data-fixture'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a publisher key this app trusts/);
    const k = await runCli(['rules', 'import', v1, '--keys', join(ROOT, 'test', 'fixtures', 'packs', 'keys')]);
    expect(k).toMatchObject({ code: 2, stderr: expect.stringMatching(/--keys applies to verify and diff only/) });
  });
});

describe('the December 2026 corrections as a signed pack (test/fixtures/packs/2026.12.06.json)', () => {
  const fx = join(ROOT, 'test', 'fixtures', 'packs');
  const oldBuiltIn = join(fx, 'built-in-2026.11.22.rulebook.json');
  const pack = join(fx, '2026.12.06.json');
  /** Each correction of the issue, as the rule ids rules diff must list (added or changed), with dates. */
  const expected: [string, 'added' | 'changed', string][] = [
    ['R-01', 'changed', '2024-12-02 〜'], // an old 保険証 is cited by the legal list in force
    ['R-01-register', 'added', '2024-12-02 〜'], // registration on the reader
    ['R-02', 'changed', '2024-12-02 〜'], // live screen or PDF, not a screenshot
    ['R-03', 'changed', '2024-12-02 〜'], // never "show it with the card" when the card was shown
    ['R-06-kokuho', 'changed', '2025-08-01 〜 2026-07-31'], // the extension quote and confidence
    ['R-06-kouki', 'changed', '2025-08-04 〜 2026-07-31'],
    ['R-06-all', 'changed', '2025-11-12 〜 2026-07-31'],
    ['R-08', 'changed', '2024-12-02 〜'], // past the grace period the お知らせ cannot complete the card
    ['R-10', 'changed', '2025-09-19 〜'], // a live screen only
    ['R-12', 'changed', '2024-12-02 〜'], // 申立書 with a lapsed card, low-medium
    ['R-14-holders', 'changed', '2026-08-01 〜'], // not for 85+, not for an unregistered card
    ['R-14-85plus', 'changed', '2026-08-01 〜'],
    ['R-15-turning70', 'changed', '2024-12-02 〜'], // 国保 only; a printed 70–74 share marks the 70+ document; noticeDays
    ['R-15-turning75', 'changed', '2024-12-02 〜'], // noticeDays
    ['R-15-residence', 'changed', '2024-12-02 〜'], // 国保 only; noticeDays
    ['R-17', 'changed', '2024-12-02 〜'], // asks, does not assert; the portal share
    ['R-18-consent', 'added', '2024-12-02 〜'], // 限度額 by consent
    ['R-20', 'changed', '2024-12-02 〜'], // the child exemption
    ['R-20-notice', 'added', '2024-12-02 〜'], // 特別療養 on the お知らせ
    ['R-22-iryofujo', 'added', '2024-03-01 〜'], // 医療扶助
  ];

  it('carries exactly the built-in rulebook, signed (test key)', () => {
    const p = verifyPack(readFileSync(pack), loadPublisherKeys(join(fx, 'keys')));
    expect(p.manifest).toMatchObject({ version: builtIn.version, effective: '2026-12-06' });
    expect(p.rulebook).toEqual(JSON.parse(readFileSync(join(ROOT, 'resources', 'rules', 'rulebook.json'), 'utf8')));
  });

  it('rules diff from the old built-in lists each correction with its dates and what changed in it', async () => {
    for (const b of [pack, 'built-in']) {
      const r = await runCli(['rules', 'diff', oldBuiltIn, b, '--keys', join(fx, 'keys')]);
      expect(r.code).toBe(0);
      const heads = r.stdout
        .trim()
        .split('\n')
        .filter((l) => /^[+~-] /.test(l));
      expect(heads.map((l) => l.split(/\s{2,}/)[1])).toEqual(expected.map((e) => e[0]));
      for (const [id, change, period] of expected) {
        const line = heads.find((l) => l.split(/\s{2,}/)[1] === id)!;
        expect(line.startsWith(change === 'added' ? '+ 追加 added' : '~ 変更 changed'), line).toBe(true);
        expect(line.endsWith(`[${period}]`), line).toBe(true);
      }
      expect(r.stdout).toContain(
        '      appliesTo.insurerTypes: ["kokuho","kyokai","kumiai","kyosai","other"] → ["kokuho"]',
      );
      expect(r.stdout).toContain('      params.portalFormats: ["screen"] → ["live"]');
      expect(r.stdout).toContain('      params.noticeDays: — → 92');
    }
  });

  it('a clinic on the old built-in imports it; checks from 2026-12-06 use it', async () => {
    const res = join(tmp, 'resources-old');
    cpSync(join(ROOT, 'resources', 'jpki-ca'), join(res, 'jpki-ca'), { recursive: true });
    mkdirSync(join(res, 'rules', 'keys'), { recursive: true });
    const old = readFileSync(oldBuiltIn);
    writeFileSync(join(res, 'rules', 'rulebook.json'), old);
    writeFileSync(
      join(res, 'rules', 'manifest.json'),
      JSON.stringify({
        packId: 'jp.uketsuke.national',
        version: '2026.11.22',
        published: '2026-11-22',
        effective: '2026-11-22',
        files: [{ path: 'rulebook.json', sha256: createHash('sha256').update(old).digest('hex') }],
      }),
    );
    cpSync(
      join(fx, 'keys', 'test-publisher-2026.12.06.pem'),
      join(res, 'rules', 'keys', 'test-publisher-2026.12.06.pem'),
    );
    const data = join(tmp, 'data-old-built-in');
    const r = await runCli(['rules', 'import', pack, '--resources', res, '--data-dir', data]);
    expect(r).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('installed jp.uketsuke.national@2026.12.06: in force from 2026-12-06'),
    });
    const rules = new RulesService(loadRuleSet(res, data));
    // 協会けんぽ, turned 70 in November: the old rules ended the お知らせ at 70 (R-15 scoped to every insurer).
    const turned70 = (date: string) => ({
      date,
      facility: { onlineCheck: 'unavailable', smartphoneReader: false },
      patient: { birthDate: '1956-11-15', insurerType: 'kyokai' },
      documents: [{ kind: 'mynumber_card' }, { kind: 'qualification_notice', issueDate: '2025-08-01' }],
    });
    const before = rules.evaluate(turned70('2026-12-05'));
    const after = rules.evaluate(turned70('2026-12-06'));
    expect(before.rulebookVersion).toBe('jp.uketsuke.national@2026.11.22');
    expect(before.decision).toBe('need_more');
    expect(after.rulebookVersion).toBe('jp.uketsuke.national@2026.12.06');
    expect(after.decision).toBe('accept');
  });
});

describe('which rules decide', () => {
  const data = join(tmp, 'data-dates');

  it('a pack that takes effect later decides only from its date; verdicts name the pack', async () => {
    expect((await cli(data, 'import', v1)).code).toBe(0);
    expect((await cli(data, 'import', v2)).code).toBe(0);
    const rules = new RulesService(loadRuleSet(resources, data));
    expect(rules.evaluate(situation('2026-11-25')).rulebookVersion).toBe(`jp.uketsuke.national@${builtIn.version}`);
    expect(rules.evaluate(situation('2026-12-15')).rulebookVersion).toBe('jp.uketsuke.national@2026.12.10');
    expect(rules.evaluate(situation('2027-01-01')).rulebookVersion).toBe('jp.uketsuke.national@2027.01.01');
    const o = rules.overview('2026-12-15');
    expect(o.active.version).toBe('2026.12.10');
    expect(o.upcoming?.version).toBe('2027.01.01');
    expect(o.changes.map((c) => `${c.change} ${c.ruleId}`)).toEqual(['changed R-01']);
    expect(
      rules
        .overview('2026-12-15', { kind: 'qualification_certificate' })
        .rules.every((r) => r.documentKinds.includes('qualification_certificate')),
    ).toBe(true);
    expect(rules.overview('2026-12-15', { text: '12月改定' }).rules.map((r) => r.id)).toEqual(['R-01']);
  });

  it('an installed pack edited on disk is set aside with a problem, and the rules before it decide', () => {
    const dir = join(data, 'rules', 'packs');
    const name = readdirSync(dir).find((f) => f.includes('2027.01.01'))!;
    const json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    json.manifest.effective = '2026-01-01';
    writeFileSync(join(dir, name), JSON.stringify(json));
    const set = loadRuleSet(resources, data);
    expect(set.problems).toEqual([expect.stringMatching(/2027\.01\.01 no longer verifies/)]);
    expect(set.books.at(-1)!.info.version).toBe('2026.12.10');
  });
});

describe('local practice', () => {
  const n = `13860${insurerCheckDigit('13860')}`;
  const local = (rules: unknown[]) => JSON.stringify({ schemaVersion: 1, rules });
  const rule = (id: string, scope: unknown, extra: Record<string, unknown> = {}) => ({
    id,
    scope,
    title: { ja: `${id} 題`, en: `${id} title` },
    message: { ja: `${id} の運用`, en: `${id} practice` },
    effective: { from: '2026-01-01', until: null },
    source: '保険者からの通知 2026-04',
    ...extra,
  });

  it('adds local reasons after the national ones, the specific insurer first; the decision never changes', async () => {
    const data = join(tmp, 'data-local');
    const file = join(tmp, 'local.json');
    writeFileSync(
      file,
      local([
        rule('L-kokuho', { insurerTypes: ['kokuho'] }, { collect: ['elderly_recipient_certificate'] }),
        rule(
          'L-chiyoda',
          { insurerNumbers: [n] },
          {
            documentKinds: ['qualification_certificate'],
            step: { ja: '負担割合は資格確認書の印字を使う', en: 'use the ratio printed on the certificate' },
          },
        ),
        rule('L-other', { insurerTypes: ['kyokai'] }),
      ]),
    );
    expect((await cli(data, 'local', 'check', file)).stdout).toContain('ok: 3 local rule(s)');
    expect((await cli(data, 'local', 'import', file)).code).toBe(0);
    const national = new RulesService(loadRuleSet(resources, join(tmp, 'nothing-installed'))).evaluate(
      situation('2026-11-25', { insurerNumber: n }),
    );
    const v = new RulesService(loadRuleSet(resources, data)).evaluate(situation('2026-11-25', { insurerNumber: n }));
    expect(v.decision).toBe(national.decision);
    expect(v.reasons.slice(0, national.reasons.length)).toEqual(national.reasons);
    expect(v.reasons.slice(national.reasons.length).map((r) => [r.ruleId, r.origin])).toEqual([
      ['L-chiyoda', 'local'],
      ['L-kokuho', 'local'],
    ]);
    expect(v.reasons.at(-1)!.message).toMatch(/^【地域の運用】/);
    expect(v.nextSteps.at(-1)).toBe('負担割合は資格確認書の印字を使う');
    expect(v.collect).toContain('elderly_recipient_certificate');
    const otherInsurer = new RulesService(loadRuleSet(resources, data)).evaluate(situation('2026-11-25'));
    expect(otherInsurer.reasons.filter((r) => r.origin === 'local').map((r) => r.ruleId)).toEqual(['L-kokuho']);
  });

  it('refuses a local file with a wrong 保険者番号 or a national-looking id, with one line', async () => {
    const bad = join(tmp, 'bad-local.json');
    writeFileSync(bad, local([rule('L-x', { insurerNumbers: ['138603'] })]));
    const r = await cli(join(tmp, 'data-bad-local'), 'local', 'import', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/検証番号/);
    writeFileSync(bad, local([rule('R-04', { insurerTypes: ['kokuho'] })]));
    expect((await cli(join(tmp, 'data-bad-local'), 'local', 'check', bad)).stderr).toMatch(
      /local rule ids start with "L-"/,
    );
    expect(existsSync(join(tmp, 'data-bad-local', 'rules', 'local.json'))).toBe(false);
  });
});
