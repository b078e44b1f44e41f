/**
 * Who is signed in at the desk. Main holds it (not the screens), and it lapses after the idle
 * time from the settings even if a screen never says so — a kiosk left open locks itself.
 */
import type { Role, Staff } from '../../shared/store/records.ts';
import { InputError } from './rules-service.ts';

export class StaffSession {
  private staff: Staff | null = null;
  private lastActivity = 0;

  constructor(
    private readonly idleMinutes: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  signIn(staff: Staff): void {
    this.staff = staff;
    this.lastActivity = this.now();
  }

  signOut(): void {
    this.staff = null;
  }

  /** The signed-in staff member, or null once the idle time has passed. */
  current(): Staff | null {
    if (this.staff && this.now() - this.lastActivity > this.idleMinutes() * 60_000) this.staff = null;
    return this.staff;
  }

  /** Any call from the desk counts as activity. */
  touch(): void {
    if (this.current()) this.lastActivity = this.now();
  }

  /**
   * The staff member allowed to do this, or null when the kiosk runs without accounts (then
   * nothing is locked, and admin actions are open until the first account is made).
   */
  require(hasStaff: boolean, role: Role = 'staff'): Staff | null {
    if (!hasStaff) return null;
    const staff = this.current();
    if (!staff) throw new InputError('locked: sign in first', 'error.signInFirst');
    if (role === 'admin' && staff.role !== 'admin') throw new InputError('admin only', 'error.adminOnly');
    this.touch();
    return staff;
  }
}
