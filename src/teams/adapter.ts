import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotAuth } from '../config.js';
import { keepEntityProperties } from './entity-serialization.js';

/**
 * The Bot Framework CloudAdapter (teams-ai's TeamsAdapter subclass) for the configured identity. With an app id,
 * every request must carry a valid Bot Framework token (missing or forged → 401); without one, tokens are not
 * checked, which is why anonymous mode listens on localhost only.
 */
export function createAdapter(auth: BotAuth): TeamsAdapter {
  keepEntityProperties();
  if (auth.mode === 'anonymous') return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    ...(auth.password ? { MicrosoftAppPassword: auth.password } : {}),
    ...(auth.tenantId ? { MicrosoftAppTenantId: auth.tenantId } : {}),
  });
}

export function botAppIdOf(auth: BotAuth): string {
  return auth.mode === 'anonymous' ? '' : auth.appId;
}
