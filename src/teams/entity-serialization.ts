import { Entity } from 'botframework-connector/lib/connectorApi/models/mappers.js';

/**
 * botbuilder 4.23.3 sends activities through @azure/core-client 1.10, whose array serializer swaps the
 * `entities` element mapper (which allows extra properties) for the bare `Entity` model mapper (which does
 * not). Every entity property but type/text/mentioned is then dropped on the wire, and Teams never sees the
 * citation claims of a message. Letting the model mapper carry extra properties, once at start, restores
 * them; test/teams/citations.test.ts fails if this is removed while the bug is still there.
 */
export function keepEntityProperties(): void {
  const type = Entity.type as { additionalProperties?: unknown };
  type.additionalProperties ??= { type: { name: 'Object' } };
}
