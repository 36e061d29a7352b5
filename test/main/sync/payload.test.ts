/**
 * The upstream payload is checked by hand (sync/payload.ts) for speed. Its rules are those of the
 * zod schema below, the schema the county used before: for every input, well-formed or damaged,
 * both must agree on accept or reject, and an accepted payload must read the same. The county
 * also reads payloads a line at a time (sync/changeLines.ts): that must never read anything a
 * whole parse would not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChangeLineReader, upstreamPayloadText } from '../../../src/main/core/sync/changeLines';
import { parseUpstreamPayload, type Change, type UpstreamPayload } from '../../../src/main/core/sync/payload';

const sqlValue = z.union([z.string(), z.number(), z.null()]);
const fieldName = z.string().regex(/^[a-z_][a-z0-9_]*$/);
const reference = z.object({
  changes: z.array(
    z.object({
      epoch: z.number().int().min(1),
      seq: z.number().int().min(1),
      tbl: z.string(),
      rowId: z.string().min(1).max(64),
      fields: z.record(fieldName, sqlValue),
      baseVers: z.record(fieldName, z.number().int().min(0)),
      at: z.string(),
      actor: z.string().max(100),
    }),
  ),
});

function goodChange(i: number): Record<string, unknown> {
  return {
    epoch: 1,
    seq: i + 1,
    tbl: 'children',
    rowId: `01a2226b-117b-779f-82ac-${String(i).padStart(12, '0')}`,
    fields: { station_code: '341723100', name: '张煜彬', boarding: 0, notes: null, guardian: '{"name":"马素珠"}' },
    baseVers: { name: 3 },
    at: '2025-03-01T08:00:00.000Z',
    actor: '社工-蓉城镇',
  };
}

/** Stands for a number literal too large for a double: JSON.parse makes it Infinity. */
const OVERFLOW = '<overflow>';
/** Values of every kind JSON can hold, and one it can only reach by overflow. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, 1, -1, 0.5, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), OVERFLOW, '', 'x', '张', [], {}),
  fc.string({ maxLength: 120 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const key = fc.oneof(
  fc.constantFrom('name', 'notes', '_x', 'a1', 'Name', '1a', 'a-b', '', 'é', '__proto__', 'constructor', 'toString', 'epoch', 'fields', 'extra'),
  fc.string({ maxLength: 6 }),
);

type Edit = { path: 'change' | 'fields' | 'baseVers'; key: string; value: unknown; remove: boolean };
const edit: fc.Arbitrary<Edit> = fc.record({ path: fc.constantFrom('change' as const, 'fields' as const, 'baseVers' as const), key, value: jsonValue, remove: fc.boolean() });

/** A payload of good changes with edits applied to some of them, round-tripped through JSON text. */
function damaged(edits: [number, Edit][], count: number): unknown {
  const changes = Array.from({ length: count }, (_, i) => goodChange(i));
  for (const [at, e] of edits) {
    const change = changes[at % count]!;
    const target = e.path === 'change' ? change : change[e.path];
    // An earlier edit may have made the record something else: nothing left to edit in it.
    if (typeof target !== 'object' || target === null) continue;
    if (e.remove) delete (target as Record<string, unknown>)[e.key];
    else Object.defineProperty(target, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
  }
  // Through text, as a bundle arrives: JSON.parse makes "__proto__" an own key, as an attacker could.
  const text = JSON.stringify({ changes }).replaceAll(JSON.stringify(OVERFLOW), '1e400');
  return JSON.parse(text) as unknown;
}

describe('parseUpstreamPayload', () => {
  it('accepts a well-formed payload and reads it as the zod schema does', () => {
    const json = damaged([], 5);
    expect(parseUpstreamPayload(json)).toEqual(reference.parse(json));
  });

  it('rejects what is not a payload at all', () => {
    for (const json of [null, 0, 'x', [], {}, { changes: {} }, { changes: null }, { changes: [null] }, { changes: [[]] }]) {
      expect(parseUpstreamPayload(json), JSON.stringify(json)).toBeNull();
      expect(reference.safeParse(json).success).toBe(false);
    }
  });

  it('agrees with the zod schema on every damaged payload, and reads accepted ones the same', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), edit), { maxLength: 4 }), fc.integer({ min: 1, max: 3 }), (edits, count) => {
        const json = damaged(edits, count);
        const expected = reference.safeParse(json);
        const actual = parseUpstreamPayload(json);
        expect(actual !== null, JSON.stringify(json)).toBe(expected.success);
        // Same content, key order included: the change digest is taken over the fields' JSON.
        if (actual && expected.success) expect(JSON.stringify(actual)).toBe(JSON.stringify(expected.data));
      }),
      { numRuns: 3000 },
    );
  });

  it('drops a "__proto__" field unread, as zod does, so it cannot change what is applied', () => {
    const json = JSON.parse('{"changes":[{"epoch":1,"seq":1,"tbl":"children","rowId":"r","fields":{"name":"王","__proto__":{"x":1}},"baseVers":{"__proto__":null},"at":"","actor":""}]}') as unknown;
    const parsed = parseUpstreamPayload(json)!;
    expect(parsed).toEqual(reference.parse(json));
    expect(Object.keys(parsed.changes[0]!.fields)).toEqual(['name']);
    expect(Object.getPrototypeOf(parsed.changes[0]!.fields)).toBe(Object.prototype);
  });
});

describe('the one-change-per-line layout', () => {
  const payload = { changes: Array.from({ length: 7 }, (_, i) => goodChange(i)) } as unknown as UpstreamPayload;
  const text = upstreamPayloadText(payload);

  /** What the line reader makes of some bytes fed in pieces of `piece` bytes: the changes, or 'whole'. */
  function readLines(bytes: Buffer, piece = 5): Change[] | 'whole' {
    const reader = new ChangeLineReader();
    const all: Change[] = [];
    for (let at = 0; at < bytes.length; at += piece) {
      const next = reader.push(bytes.subarray(at, at + piece));
      if (next === 'whole') return 'whole';
      all.push(...next);
    }
    const last = reader.end();
    return last === 'whole' ? 'whole' : [...all, ...last];
  }

  function parsedWhole(bytes: Buffer): UpstreamPayload | null {
    try {
      return parseUpstreamPayload(JSON.parse(bytes.toString('utf8')));
    } catch {
      return null;
    }
  }

  it('is the JSON document a whole parse reads, and the line reader reads the same changes, in pieces of any size', () => {
    expect(JSON.parse(text)).toEqual(payload);
    expect(text.split('\n')).toHaveLength(payload.changes.length + 2);
    for (const piece of [1, 2, 3, 7, 64, 1000, 100_000]) expect(readLines(Buffer.from(text), piece), `pieces of ${piece}`).toEqual(parsedWhole(Buffer.from(text))!.changes);
  });

  it('is left to the whole parse when the text is laid out otherwise, or reads as it does', () => {
    const variants = [
      JSON.stringify(payload),
      text.replace(',\n', ' ,\n'),
      text.replace(',\n', ', \n'),
      text.replace(',\n', '\n,'),
      text.replaceAll('\n', '\r\n'),
      text.replace('},\n{', '},{'),
      text.replace(/\n\]\}$/, ',\n]}'),
      text.replace('\n', '\n\n'),
      `${text}\n`,
      `\uFEFF${text}`,
      text.replace('"epoch":1', '"epoch": 1').replace(/,\n/, '\n'),
    ];
    for (const v of variants) {
      const lines = readLines(Buffer.from(v));
      // Read only if it reads exactly as the whole parse does (a space before a comma is still JSON).
      if (lines !== 'whole') expect(lines, JSON.stringify(v)).toEqual(parsedWhole(Buffer.from(v))?.changes);
    }
    for (const v of [variants[0]!, variants[4]!, variants[5]!, variants[6]!, variants[7]!, variants[8]!, variants[9]!]) expect(readLines(Buffer.from(v)), JSON.stringify(v)).toBe('whole');
  });

  it('never reads changes a whole parse would not: every damaged text is either read the same or left to it', () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), fc.integer({ min: 1, max: 300 }), (at, mask, cut, piece) => {
        const bytes = Buffer.from(text);
        const damagedText = cut ? bytes.subarray(0, at) : (bytes.writeUInt8(bytes[at]! ^ mask, at), bytes);
        const lines = readLines(damagedText, piece);
        if (lines === 'whole') return;
        const whole = parsedWhole(damagedText);
        expect(whole, `${cut ? 'cut' : 'flip'} at ${at}`).not.toBeNull();
        expect(lines).toEqual(whole!.changes);
      }),
      { numRuns: 3000 },
    );
  });
});
