// Settings: small values by key (the chosen unit and year, the money unit, rule sets derived on this machine, …).
import type { RepoContext } from './transaction';

export class SettingsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async get(key: string): Promise<unknown> {
    return (await this.ctx.db.settings.get(key))?.value;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.ctx.db.settings.put({ key, value });
  }
}
