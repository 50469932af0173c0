// node parse.mjs OUT.json FILE...: parse PowerShell files with tree-sitter-powershell (WebAssembly) and write
// their syntax trees as JSON:
// {"file": {"error": bool, "nodes": [{"type", "text", "row", "parent"}, ...]}} (named nodes, in pre-order).
import { Parser, Language } from 'web-tree-sitter';
import fs from 'fs';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
await Parser.init();
const PowerShell = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(PowerShell);
const out = {};
for (const file of process.argv.slice(3)) {
  const tree = parser.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const nodes = [];
  const walk = (node, parent) => {
    const index = nodes.length;
    nodes.push({ type: node.type, text: node.text, row: node.startPosition.row + 1, parent });
    for (const child of node.namedChildren) walk(child, index);
  };
  walk(tree.rootNode, -1);
  out[file] = { error: tree.rootNode.hasError, nodes };
}
fs.writeFileSync(process.argv[2] + '.tmp', JSON.stringify(out));
fs.renameSync(process.argv[2] + '.tmp', process.argv[2]);
// On a busy machine the WebAssembly runtime can keep node spinning after the work is done (even through
// process.exit): the complete output file is the answer, so end at once.
process.kill(process.pid, 'SIGKILL');
