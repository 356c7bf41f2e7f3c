/**
 * Builds the add-in (Office React template conventions): dist/taskpane.html + commands.html, assets, manifest.
 *
 *   npm run build                                   production build, office.js from Microsoft's CDN
 *   npm run build -- --env url=https://host/path/   ...with dist/manifest.xml pointing at that deployment
 *   npm run build -- --env intranet                 ...serving a trimmed office.js from dist/office-js/ instead
 *   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
 *
 * Pure helpers (URL rewrite, office.js file list, start-up budget) live in scripts/webpack-helpers.js.
 */
'use strict';
const fs = require('fs');
const path = require('path');

// package-lock.json hoists ajv-keywords@5 beside ajv@6 (an npm peer-dependency quirk), so schema-utils cannot
// load its validator and every plugin that validates its options crashes. Our options are static; when (and
// only when) the validator is broken, skip option validation instead of failing the build.
(() => {
  const schemaUtils = require('schema-utils');
  try {
    schemaUtils.validate({ type: 'object' }, {}, { name: 'probe' });
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && typeof schemaUtils.disableValidation === 'function') {
      schemaUtils.disableValidation();
    }
  }
})();

const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const helpers = require('./scripts/webpack-helpers');

const ROOT = __dirname;
const OFFICE_JS_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/** Checks the pane's start-up chunks against the budget after each production build (issue 3's bar). */
class StartupBudgetPlugin {
  constructor(entry) {
    this.entry = entry;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('StartupBudgetPlugin', (compilation) => {
      const entrypoint = compilation.entrypoints.get(this.entry);
      if (!entrypoint) return;
      const files = {};
      const modulesByFile = {};
      for (const chunk of entrypoint.chunks) {
        for (const file of chunk.files) {
          if (!file.endsWith('.js')) continue;
          // After emit webpack keeps only sizes in memory: read what was written.
          files[file] = fs.readFileSync(path.join(compilation.outputOptions.path, file));
          modulesByFile[file] = compilation.chunkGraph
            .getChunkModules(chunk)
            .flatMap((m) => (m.modules ? m.modules : [m]))
            .map((m) => m.resource || '')
            .filter(Boolean);
        }
      }
      const report = helpers.startupReport({ entry: this.entry, files, modulesByFile });
      const out = path.join(ROOT, 'bench-output');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'startup-bundle.json'), `${JSON.stringify(report, null, 2)}\n`);
      const line = `${this.entry} start-up JS: ${helpers.kb(report.gzip)} gzipped in ${report.files.length} files (budget ${helpers.kb(report.budget)})`;
      compilation.logger.info(line);
      console.log(line);
      for (const problem of report.problems) compilation.errors.push(new Error(problem));
    });
  }
}

/**
 * exceljs and jszip come as minified browser builds already; re-minifying their ~1 MB chunk took most of the
 * production build's time for no gain, so that chunk is marked minimized before the minimizer runs.
 */
class SkipMinifiedVendorPlugin {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }

  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SkipMinifiedVendorPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipMinifiedVendorPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== this.chunkName) continue;
            for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const intranet = Boolean(env.intranet);
  let deployUrl = null;
  if (env.url !== undefined) {
    try {
      deployUrl = helpers.normalizeDeployUrl(env.url === true ? '' : String(env.url));
    } catch (error) {
      // A mistyped option deserves one clear line, not webpack's stack trace.
      console.error(`webpack: ${error.message}`);
      process.exit(2);
    }
  }
  // `--env taskpane=<file>` lets a build run before the real pane exists (or against a stand-in pane).
  const taskpaneEntry = env.taskpane ? path.resolve(String(env.taskpane)) : './src/taskpane/index.tsx';
  const officeJs = helpers.officeJsUrl({ intranet });

  if (production && !deployUrl && !serving) {
    console.warn(
      'webpack: no --env url=https://host/path/ given: dist/manifest.xml keeps https://localhost:3000/ (fine for testing, not for deployment)',
    );
  }

  const copyPatterns = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (deployUrl ? helpers.rewriteManifestUrls(content.toString(), deployUrl) : content),
    },
  ];
  if (intranet) {
    const listing = (dir, prefix = '') =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? listing(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
      );
    for (const file of helpers.selectOfficeJsFiles(listing(OFFICE_JS_DIST))) {
      copyPatterns.push({
        from: path.join(OFFICE_JS_DIST, file),
        to: `${helpers.LOCAL_OFFICE_JS_DIR}/${file}`,
        // Microsoft ships these minified; re-minifying 8 MB would only slow the build.
        info: { minimized: true },
      });
    }
  }

  let server;
  if (serving) {
    // Only when serving: getHttpsServerOptions may ask to install the dev certificate.
    const devCerts = require('office-addin-dev-certs');
    try {
      server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
    } catch (error) {
      // No trusted dev certificate (e.g. installing it needs sudo): the standalone page still works over https
      // with webpack-dev-server's self-signed one, after the browser's warning; Office itself would refuse it.
      console.warn(`webpack: office-addin-dev-certs failed (${error && error.message ? error.message : error}); using a self-signed certificate`);
      server = { type: 'https' };
    }
  }

  return {
    mode: production ? 'production' : 'development',
    // Production maps only on request (`--env sourcemaps`): they double the build time and the folder size.
    devtool: production ? (env.sourcemaps ? 'source-map' : false) : 'eval-source-map',
    entry: {
      taskpane: taskpaneEntry,
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              // ES modules for webpack (tree shaking, import() chunks); tsconfig.json itself targets Node.
              compilerOptions: { module: 'es2022', moduleResolution: 'bundler', noEmit: false, sourceMap: !production || Boolean(env.sourcemaps) },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // React rarely changes: its own long-cached chunk.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 30,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc[\\/]helpers)[\\/]/,
            name: 'fluent',
            priority: 20,
          },
          // exceljs and jszip are reached only through import() in standalone mode: keep them out of start-up.
          xlsx: {
            test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/,
            name: 'xlsx-vendor',
            chunks: 'async',
            priority: 40,
          },
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            priority: 10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    performance: {
      // The budget that matters is gzipped start-up JS, checked by StartupBudgetPlugin.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: false, // the template's boot gate starts the scripts once office.js has settled
        officeJs,
        officeJsTimeoutMs: helpers.OFFICE_JS_TIMEOUT_MS,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        officeJs,
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      ...(production ? [new SkipMinifiedVendorPlugin('xlsx-vendor'), new StartupBudgetPlugin('taskpane')] : []),
    ],
    devServer: {
      host: 'localhost',
      port: 3000,
      server,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
    },
  };
};
