/** Whether the slash commands registered with Discord are the ones in the code. Pure. */

/** A command as the code builds it or as Discord returns it (only the fields users see are compared). */
export interface CommandData {
  readonly name: string;
  readonly description?: string;
  readonly options?: readonly unknown[];
  readonly default_member_permissions?: string | null;
}

/** What differs, by command name. */
export interface CommandsDiff {
  readonly missing: readonly string[];
  readonly changed: readonly string[];
  readonly extra: readonly string[];
}

/** Compares by name, then by description, options (types, names, limits, required) and default permissions. */
export function diffCommands(code: readonly CommandData[], deployed: readonly CommandData[]): CommandsDiff {
  const there = new Map(deployed.map((c) => [c.name, c]));
  const here = new Set(code.map((c) => c.name));
  return {
    missing: code.filter((c) => !there.has(c.name)).map((c) => c.name),
    changed: code.filter((c) => there.has(c.name) && JSON.stringify(shape(c)) !== JSON.stringify(shape(there.get(c.name)!))).map((c) => c.name),
    extra: deployed.filter((c) => !here.has(c.name)).map((c) => c.name),
  };
}

function shape(c: CommandData): unknown {
  return {
    name: c.name,
    description: c.description ?? '',
    default_member_permissions: c.default_member_permissions ?? null,
    options: (c.options ?? []).map(shapeOption),
  };
}

/** Discord omits false and empty defaults: both sides are read the same way. */
function shapeOption(o: unknown): unknown {
  const x = o as Record<string, unknown>;
  const keep = ['type', 'name', 'description', 'min_length', 'max_length', 'min_value', 'max_value', 'channel_types'];
  const out: Record<string, unknown> = Object.fromEntries(keep.filter((k) => x[k] !== undefined && x[k] !== null).map((k) => [k, x[k]]));
  out.required = x.required === true;
  out.autocomplete = x.autocomplete === true;
  if (Array.isArray(x.choices) && x.choices.length > 0) out.choices = x.choices.map((c: { name: string; value: unknown }) => [c.name, c.value]);
  if (Array.isArray(x.options) && x.options.length > 0) out.options = x.options.map(shapeOption);
  return out;
}
