import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../src/catalog/index.js';
import type { MetricMap, ParsedReport } from '../../src/parsing/types.js';

/**
 * A metric key is a type: spelling one wrong is a compile error, not a figure that is silently
 * never found. `npm run typecheck` fails if a line marked @ts-expect-error below starts compiling;
 * the test compiles the same kind of lines with the TypeScript compiler and reads its errors.
 */

// @ts-expect-error a misspelled column
export const misspelled: MetricKey = 'applications.new.totl';
// @ts-expect-error 政府集中采购 has no 处理决定 column in either form
export const wrongColumn: MetricKey = 'active.procurement.decisions';
// @ts-expect-error 表四 has no such group
export const wrongGroup: MetricKey = 'litigation.upheld';
export const right: MetricKey[] = ['applications.new.total', 'active.fees.amount_wan', 'litigation.total', 'prose.active_items'];
export const read = (r: ParsedReport) =>
  // @ts-expect-error a report's figures are typed by key too
  r.metrics['applications.nwe.total'];

type _MapIsKeyed = MetricMap extends Partial<Record<MetricKey, number | null>> ? true : never;
export const mapIsKeyed: _MapIsKeyed = true;

const here = fileURLToPath(new URL('.', import.meta.url));
const SNIPPET = `${here}snippet.ts`;

/** Type-checks `code` as a file beside this test (it imports the catalog); returns the error lines. */
function compile(code: string): Array<{ line: number; message: string }> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === SNIPPET ? ts.createSourceFile(name, code, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === SNIPPET || fileExists(name);
  const program = ts.createProgram([SNIPPET], options, host);
  const file = program.getSourceFile(SNIPPET)!;
  return ts.getPreEmitDiagnostics(program, file).map((d) => ({
    line: file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('typed metric keys', () => {
  it('reject a misspelled key, a column the row does not have, and a wrong key read from a report', () => {
    const errors = compile(
      [
        "import type { MetricKey } from '../../src/catalog/index.js';",
        "import type { MetricMap } from '../../src/parsing/types.js';",
        "export const ok: MetricKey[] = ['applications.denied.state_secret.natural', 'active.normative_docs.in_force', 'review.pending'];",
        "export const typo: MetricKey = 'applications.granted.totall';",
        "export const column: MetricKey = 'active.fees.decisions';",
        "export const read = (m: MetricMap) => m['applications.handeld.total'];",
      ].join('\n'),
    );
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(errors[0]!.message).toContain(`Type '"applications.granted.totall"' is not assignable to type 'MetricKey'`);
    expect(errors[0]!.message).toContain(`Did you mean '"applications.granted.total"'`);
    expect(errors[1]!.message).toContain(`Type '"active.fees.decisions"' is not assignable to type 'MetricKey'`);
    expect(errors[2]!.message).toContain('applications.handeld.total');
  });
});
