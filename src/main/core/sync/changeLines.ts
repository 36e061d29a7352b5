/**
 * The upstream payload laid out one change per line: still the JSON document {"changes": [...]}
 * that any reader parses whole, but a county can also read it line by line as it inflates.
 * Parsed whole, a county-scale bundle is a buffer, a string and an object graph of several times
 * its size, and a batch of them outruns the garbage collector; read in lines, memory stays flat.
 *
 * The reader only ever gives the very changes a whole parse would give: it takes the lines only
 * while the text has exactly the writer's layout, and any line it cannot read or check sends the
 * caller back to the whole parse (`'whole'`), which then decides — as it always did.
 */
import { StringDecoder } from 'node:string_decoder';
import { checkChange, type Change, type UpstreamPayload } from './payload';

export const PAYLOAD_HEAD = '{"changes":[\n';
/** What follows the last change's line. */
export const PAYLOAD_END = ']}';
/** Far beyond any change's line (a few KB): text that runs on without a newline is left to the whole parse and its limits. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

/** JSON.stringify never writes a raw newline, so each change is one line. */
export function upstreamPayloadText(payload: UpstreamPayload): string {
  if (payload.changes.length === 0) return JSON.stringify(payload);
  return `${PAYLOAD_HEAD}${payload.changes.map((c) => JSON.stringify(c)).join(',\n')}\n${PAYLOAD_END}`;
}

/** Reads changes from the payload's bytes as they come, in any pieces. */
export class ChangeLineReader {
  private readonly decoder = new StringDecoder('utf8');
  private readonly names = new Set<string>();
  /** Text after the last newline seen: part of a line still to come. */
  private rest = '';
  private headRead = false;
  /** The latest complete line: only the next one shows whether it was the last. */
  private held: string | null = null;
  /** Once the layout is broken, nothing more is read. */
  private broken = false;

  /** The changes completed by these bytes, or 'whole'. */
  push(bytes: Buffer): Change[] | 'whole' {
    return this.take(this.decoder.write(bytes), false);
  }

  /** The last changes, once every byte was pushed, or 'whole'. */
  end(): Change[] | 'whole' {
    return this.take(this.decoder.end(), true);
  }

  private take(text: string, atEnd: boolean): Change[] | 'whole' {
    if (this.broken) return 'whole';
    let s = this.rest + text;
    if (!this.headRead) {
      if (s.length < PAYLOAD_HEAD.length && !atEnd) {
        this.rest = s;
        return [];
      }
      if (!s.startsWith(PAYLOAD_HEAD)) return this.break();
      s = s.slice(PAYLOAD_HEAD.length);
      this.headRead = true;
    }
    const lines = s.split('\n');
    this.rest = lines.pop()!;
    if (this.rest.length > MAX_LINE_CHARS) return this.break();
    const changes: Change[] = [];
    for (const line of lines) {
      // A line followed by another ends with the comma between array elements.
      if (this.held !== null && !this.add(changes, this.held, true)) return this.break();
      this.held = line;
    }
    if (atEnd) {
      // The document ends right after the last change's line.
      if (this.held === null || this.rest !== PAYLOAD_END || !this.add(changes, this.held, false)) return this.break();
      this.held = null;
    }
    return changes;
  }

  private add(changes: Change[], line: string, followed: boolean): boolean {
    if (followed && !line.endsWith(',')) return false;
    let value: unknown;
    try {
      value = JSON.parse(followed ? line.slice(0, -1) : line);
    } catch {
      return false;
    }
    const change = checkChange(value, this.names);
    if (change) changes.push(change);
    return change !== null;
  }

  private break(): 'whole' {
    this.broken = true;
    return 'whole';
  }
}
