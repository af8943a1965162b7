/** Discord's permission arithmetic for one member in one channel (developer docs, "Permissions"). Pure. */
import { PermissionFlagsBits } from 'discord.js';

/** A role as GET /guilds/:id returns it. */
export interface RoleData {
  readonly id: string;
  readonly permissions: string;
}

/** A channel permission overwrite: type 0 a role, 1 a member. */
export interface OverwriteData {
  readonly id: string;
  readonly type: number;
  readonly allow: string;
  readonly deny: string;
}

const ALL = (1n << 64n) - 1n;

/**
 * The member's permissions in the channel: @everyone and the member's roles, Administrator (and the
 * owner) having everything, then the channel's overwrites for @everyone, for the roles, for the member.
 */
export function channelPermissions(args: {
  readonly guildId: string;
  readonly ownerId: string;
  readonly roles: readonly RoleData[];
  readonly memberId: string;
  readonly memberRoles: readonly string[];
  readonly overwrites: readonly OverwriteData[];
}): bigint {
  if (args.memberId === args.ownerId) return ALL;
  const byId = new Map(args.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let perms = byId.get(args.guildId) ?? 0n;
  for (const id of args.memberRoles) perms |= byId.get(id) ?? 0n;
  if ((perms & PermissionFlagsBits.Administrator) !== 0n) return ALL;
  const everyone = args.overwrites.find((o) => o.type === 0 && o.id === args.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of args.overwrites) {
    if (o.type === 0 && o.id !== args.guildId && args.memberRoles.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const member = args.overwrites.find((o) => o.type === 1 && o.id === args.memberId);
  if (member) perms = (perms & ~BigInt(member.deny)) | BigInt(member.allow);
  return perms;
}

/** What the bot needs in an answering channel, with the names Discord's settings show. */
export function neededPermissions(answerMentions: boolean): ReadonlyArray<readonly [string, bigint]> {
  const base: Array<readonly [string, bigint]> = [
    ['View Channel', PermissionFlagsBits.ViewChannel],
    ['Send Messages', PermissionFlagsBits.SendMessages],
    ['Embed Links', PermissionFlagsBits.EmbedLinks],
  ];
  // Threads are where mention answers go (and their follow-ups).
  if (answerMentions) {
    base.push(['Create Public Threads', PermissionFlagsBits.CreatePublicThreads], ['Send Messages in Threads', PermissionFlagsBits.SendMessagesInThreads]);
  }
  return base;
}

/** The names of the needed permissions `perms` lacks (View Channel alone hides the rest). */
export function missingPermissions(perms: bigint, needed: ReadonlyArray<readonly [string, bigint]>): string[] {
  return needed.filter(([, bit]) => (perms & bit) === 0n).map(([name]) => name);
}
