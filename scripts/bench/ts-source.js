'use strict';
/**
 * Lets bench aids require TypeScript sources (src/, test/corpus/) through TypeScript's transpiler, without a build:
 * the golden comparison runs the engine from src/, the varied-tables part draws the evaluation corpus from test/.
 */
const fs = require('node:fs');
const ts = require('typescript');

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
}
