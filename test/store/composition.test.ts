import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/composition.ts';
import { check, tempDir } from './helpers.ts';

describe('services', () => {
  it('open the store in the data folder on first use, once, with an owner-only key file', async () => {
    const dir = join(tempDir(), 'data');
    const services = createServices({ dataDir: dir });
    expect(existsSync(dir)).toBe(false);
    const store = services.store;
    expect(services.store).toBe(store);
    expect(store.mode).toBe('normal');
    expect(store.file).toBe(join(dir, 'checks.db'));
    expect(statSync(join(dir, 'checks.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'checks.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    store.recordCheck(check());
    await services.close();
    const again = createServices({ dataDir: dir });
    expect(again.store.searchChecks({})).toHaveLength(1);
    await again.close();
  });
});
