/**
 * The Discord checks, over REST only (no gateway session): token, application, the Message Content
 * intent when ANSWER_MENTIONS is on, the deployed commands against the code, and the bot's
 * permissions in each allowed channel.
 */
import { ApplicationFlagsBitField, REST, Routes, type APIApplication, type APIChannel, type APIGuild, type APIGuildMember, type APIUser } from 'discord.js';
import type { Config } from '../config.js';
import { commands } from '../discord/commands/index.js';
import { diffCommands, type CommandData } from './commands-match.js';
import { channelPermissions, missingPermissions, neededPermissions, type OverwriteData } from './permissions.js';
import type { Check } from './types.js';

/** The wait for one Discord request. */
const REQUEST_TIMEOUT_MS = 10_000;

/** Checks Discord, or one "not configured" line without DISCORD_TOKEN. */
export async function discordChecks(config: Config): Promise<Check[]> {
  const d = config.discord;
  if (!d.token) {
    return [
      {
        id: 'discord',
        status: 'not-configured',
        summary: 'not configured: questions are asked from the terminal (npm run ask)',
        fix: 'set DISCORD_TOKEN to run the bot (see the operator guide)',
      },
    ];
  }
  const rest = new REST({ retries: 0, timeout: REQUEST_TIMEOUT_MS, ...(d.apiUrl ? { api: d.apiUrl } : {}) }).setToken(d.token);
  try {
    return await checksWith(rest, config);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

async function checksWith(rest: REST, config: Config): Promise<Check[]> {
  const d = config.discord;
  const checks: Check[] = [];
  let me: APIUser;
  try {
    me = (await rest.get(Routes.user())) as APIUser;
  } catch (err) {
    const status = (err as { status?: number }).status;
    checks.push(
      status === 401
        ? { id: 'discord.token', status: 'fail', summary: 'Discord rejected DISCORD_TOKEN (401)', fix: 'copy a fresh bot token from the Developer Portal (Bot → Reset Token) into .env' }
        : { id: 'discord.token', status: 'fail', summary: `cannot reach Discord: ${reasonOf(err)}`, fix: d.apiUrl ? 'check the network, and DISCORD_API_URL' : 'check the network (discord.com must be reachable)' },
    );
    for (const id of ['discord.application', 'discord.intent', 'discord.commands', 'discord.channels']) checks.push({ id, status: 'skipped', summary: 'not checked: the token did not work' });
    return checks;
  }
  checks.push({ id: 'discord.token', status: 'ok', summary: `valid: the bot is ${me.username} (${me.id})`, data: { botId: me.id } });

  let app: APIApplication;
  try {
    app = (await rest.get(Routes.currentApplication())) as APIApplication;
  } catch (err) {
    checks.push({ id: 'discord.application', status: 'fail', summary: `cannot read the application: ${reasonOf(err)}`, fix: 'check DISCORD_TOKEN is a bot token' });
    return checks;
  }
  if (d.applicationId && d.applicationId !== app.id) {
    checks.push({
      id: 'discord.application',
      status: 'fail',
      summary: `DISCORD_APPLICATION_ID is ${d.applicationId}, but the token belongs to application ${app.id}`,
      fix: `set DISCORD_APPLICATION_ID=${app.id}, or leave it empty`,
    });
  } else {
    checks.push({ id: 'discord.application', status: 'ok', summary: `application ${app.name} (${app.id})`, data: { applicationId: app.id } });
  }

  checks.push(intentCheck(app, d.answerMentions));
  checks.push(await commandsCheck(rest, app.id, d.guildId));
  checks.push(...(await channelChecks(rest, me.id, config)));
  return checks;
}

function intentCheck(app: APIApplication, answerMentions: boolean): Check {
  if (!answerMentions) {
    return { id: 'discord.intent', status: 'not-configured', summary: 'ANSWER_MENTIONS is off: the Message Content intent is not needed', fix: 'set ANSWER_MENTIONS=true to answer mentions in threads' };
  }
  const flags = new ApplicationFlagsBitField(app.flags ?? 0);
  const on = flags.any([ApplicationFlagsBitField.Flags.GatewayMessageContent, ApplicationFlagsBitField.Flags.GatewayMessageContentLimited]);
  return on
    ? { id: 'discord.intent', status: 'ok', summary: 'the Message Content intent is on (ANSWER_MENTIONS=true needs it)' }
    : {
        id: 'discord.intent',
        status: 'fail',
        summary: 'the Message Content intent is off, but ANSWER_MENTIONS=true needs it (the gateway would refuse the bot with 4014)',
        fix: 'Developer Portal → your app → Bot → Privileged Gateway Intents → turn on Message Content Intent, or set ANSWER_MENTIONS=false',
      };
}

async function commandsCheck(rest: REST, appId: string, guildId: string | undefined): Promise<Check> {
  const where = guildId ? `server ${guildId}` : 'globally';
  let deployed: CommandData[];
  try {
    deployed = (await rest.get(guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId))) as CommandData[];
  } catch (err) {
    return { id: 'discord.commands', status: 'fail', summary: `cannot read the commands registered ${where}: ${reasonOf(err)}`, fix: guildId ? 'check DISCORD_GUILD_ID is a server the bot is in' : 'check DISCORD_TOKEN' };
  }
  const diff = diffCommands(commands.map((c) => c.data as CommandData), deployed);
  const parts = [
    diff.missing.length > 0 ? `not registered: ${diff.missing.map((n) => `/${n}`).join(', ')}` : '',
    diff.changed.length > 0 ? `older than the code: ${diff.changed.map((n) => `/${n}`).join(', ')}` : '',
    diff.extra.length > 0 ? `registered but not in the code: ${diff.extra.map((n) => `/${n}`).join(', ')}` : '',
  ].filter(Boolean);
  if (parts.length === 0) {
    return { id: 'discord.commands', status: 'ok', summary: `${deployed.length} commands registered ${where}, matching the code` };
  }
  return { id: 'discord.commands', status: 'fail', summary: `the commands registered ${where} differ from the code (${parts.join('; ')})`, fix: 'run npm run deploy-commands', data: { ...diff } };
}

async function channelChecks(rest: REST, botId: string, config: Config): Promise<Check[]> {
  const d = config.discord;
  if (d.allowedChannelIds.length === 0) {
    return [
      {
        id: 'discord.channels',
        status: 'not-configured',
        summary: 'ALLOWED_CHANNEL_IDS is not set: the bot answers in any channel it can see; no channel was checked',
        fix: 'set ALLOWED_CHANNEL_IDS to check (and limit) the channels it answers in',
      },
    ];
  }
  const needed = neededPermissions(d.answerMentions);
  const guilds = new Map<string, Promise<{ guild: APIGuild; member: APIGuildMember }>>();
  const guildOf = (id: string) => {
    let g = guilds.get(id);
    if (!g) {
      g = Promise.all([rest.get(Routes.guild(id)) as Promise<APIGuild>, rest.get(Routes.guildMember(id, botId)) as Promise<APIGuildMember>]).then(([guild, member]) => ({ guild, member }));
      guilds.set(id, g);
    }
    return g;
  };
  const checks: Check[] = [];
  for (const channelId of d.allowedChannelIds) {
    const id = `discord.channel.${channelId}`;
    try {
      const channel = (await rest.get(Routes.channel(channelId))) as APIChannel & { guild_id?: string; permission_overwrites?: OverwriteData[]; name?: string };
      if (!channel.guild_id) {
        checks.push({ id, status: 'fail', summary: 'not a server channel', fix: 'list server text channels in ALLOWED_CHANNEL_IDS' });
        continue;
      }
      const { guild, member } = await guildOf(channel.guild_id);
      const perms = channelPermissions({
        guildId: guild.id,
        ownerId: guild.owner_id,
        roles: guild.roles,
        memberId: botId,
        memberRoles: member.roles,
        overwrites: channel.permission_overwrites ?? [],
      });
      const missing = missingPermissions(perms, needed);
      const name = channel.name ? `#${channel.name}` : channelId;
      checks.push(
        missing.length === 0
          ? { id, status: 'ok', summary: `${name}: the bot has ${needed.map(([n]) => n).join(', ')}` }
          : {
              id,
              status: 'fail',
              summary: `${name}: the bot lacks ${missing.join(', ')}`,
              fix: `in ${name}'s settings → Permissions, allow ${missing.join(', ')} for the bot's role`,
              data: { missing },
            },
      );
    } catch (err) {
      const status = (err as { status?: number }).status;
      checks.push({
        id,
        status: 'fail',
        summary: status === 404 || status === 403 ? `the bot cannot see this channel (${reasonOf(err)})` : `cannot check: ${reasonOf(err)}`,
        fix: 'check the id in ALLOWED_CHANNEL_IDS, and that the bot is in that server and may view the channel',
      });
    }
  }
  return checks;
}

/** A failed request in a few words: Discord's message with its status, or the network error code. */
function reasonOf(err: unknown): string {
  const e = err as { status?: number; code?: unknown; message?: string; cause?: { code?: unknown } };
  if (typeof e.status === 'number') return `${e.status} ${e.message ?? ''}`.trim();
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return code ? `${code}${e.message && !e.message.includes(code) ? ` (${e.message})` : ''}` : (e.message ?? String(err));
}
