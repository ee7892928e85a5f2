/** What the strict fake Excel uses from Node that jsdom leaves out: imported before it by pane tests that run on it. */
import { TextEncoder } from "util";

const g = globalThis as { TextEncoder?: unknown; structuredClone?: unknown };
g.TextEncoder ??= TextEncoder;
g.structuredClone ??= <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
