import { PermissionFlagsBits as P } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { channelPermissions, missingPermissions, neededPermissions } from '../../src/doctor/permissions.js';

const bits = (...b: bigint[]) => String(b.reduce((a, x) => a | x, 0n));
const guild = { guildId: 'g', ownerId: 'owner', memberId: 'bot' };
const roles = [
  { id: 'g', permissions: bits(P.ViewChannel, P.SendMessages) },
  { id: 'bots', permissions: bits(P.EmbedLinks) },
];

describe('channelPermissions', () => {
  it('adds the member roles to @everyone', () => {
    const p = channelPermissions({ ...guild, roles, memberRoles: ['bots'], overwrites: [] });
    expect(missingPermissions(p, neededPermissions(false))).toEqual([]);
  });

  it('applies @everyone, then role, then member overwrites, in that order', () => {
    const overwrites = [
      { id: 'g', type: 0, allow: '0', deny: bits(P.SendMessages) },
      { id: 'bots', type: 0, allow: bits(P.SendMessages), deny: bits(P.EmbedLinks) },
      { id: 'bot', type: 1, allow: bits(P.EmbedLinks), deny: bits(P.ViewChannel) },
    ];
    const p = channelPermissions({ ...guild, roles, memberRoles: ['bots'], overwrites });
    expect(missingPermissions(p, neededPermissions(false))).toEqual(['View Channel']);
  });

  it('gives Administrator everything, whatever the overwrites', () => {
    const p = channelPermissions({ ...guild, roles: [...roles, { id: 'admin', permissions: bits(P.Administrator) }], memberRoles: ['admin'], overwrites: [{ id: 'g', type: 0, allow: '0', deny: bits(P.ViewChannel) }] });
    expect(missingPermissions(p, neededPermissions(true))).toEqual([]);
  });

  it('needs the thread permissions only when mentions are answered (in threads)', () => {
    const p = channelPermissions({ ...guild, roles, memberRoles: ['bots'], overwrites: [] });
    expect(missingPermissions(p, neededPermissions(true))).toEqual(['Create Public Threads', 'Send Messages in Threads']);
  });
});
