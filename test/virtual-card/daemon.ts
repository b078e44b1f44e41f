/**
 * Starts and stops a real pcscd (with Debian's vpcd driver) for the card tests. One daemon at a
 * time: card tests run in a single file, sequentially. Never leaves a pcscd running.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const SOCKET = '/run/pcscd/pcscd.comm';

function stray(): void {
  try {
    execFileSync('pkill', ['-x', 'pcscd'], { stdio: 'ignore' });
  } catch {
    /* none running */
  }
}

async function canConnect(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  return new Promise((resolve) => {
    const s = connect(path, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

export class Pcscd {
  private child: ChildProcess | undefined;
  log = '';

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.child) return;
    stray();
    // setpriv's parent-death signal: if the test process is killed (-9 included), pcscd goes too.
    const child = spawn('setpriv', ['--pdeathsig', 'TERM', 'pcscd', '-f', '-i'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    children.add(child);
    child.once('exit', () => children.delete(child));
    child.stdout?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20000)));
    child.stderr?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20000)));
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    for (let i = 0; i < 100; i++) {
      // Ready when clients can connect and vpcd listens on both slots (pcscd -i logs it);
      // probing vpcd's port instead would look like a card insertion.
      if (/Waiting for virtual ICC on port 35964/.test(this.log) && (await canConnect(SOCKET))) return;
      if (!this.child) throw new Error(`pcscd exited during start-up:\n${this.log}`);
      await sleep(50);
    }
    throw new Error(`pcscd did not come up:\n${this.log}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

/** Our daemons only: a test run must not leave one behind, nor kill one it did not start. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
