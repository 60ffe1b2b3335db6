// Builds the add-in: the shared runtime as one module graph (src/addin/runtime.ts: functions + commands +
// task pane entry, the React UI as a lazy chunk) in a stable functions.js, the only script of
// taskpane.html, with the functions JSONs (one per language) beside it for the manifest; and small
// React-free bundles for the sign-in dialog's first and last pages and the notice page. Production builds hash every other file and
// rewrite the manifest's URLs. The help, support and privacy pages are the gateway's (routes/helpPages.ts).
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
// The manifest and metadata rewrites are shared with the gateway, which serves them for its own URL.
require("tsx/cjs/api").register();
const { rewriteManifestUrls, DEV_BASE_URL } = require("./src/shared/manifestUrls.ts");
const { withManifestVersion } = require("./src/shared/manifestIdentity.ts");
const { localizeMetadata, METADATA_FILES } = require("./src/shared/functions/localizedMetadata.ts");
const { version } = require("./package.json");
const { Compilation, sources } = require("webpack");

const FUNCTIONS_SOURCE = "./src/addin/functions/functions.ts";

/**
 * Turns the functions.json generated from functions.ts into one metadata file per language, with the
 * texts of the function catalogue and help links for the add-in's base URL.
 */
class LocalizedFunctionsPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const generated = compilation.getAsset(METADATA_FILES.en);
          if (!generated) return; // metadata errors are reported already
          const json = generated.source.source().toString();
          try {
            for (const [language, file] of Object.entries(METADATA_FILES)) {
              const localized = new sources.RawSource(localizeMetadata(json, language, this.baseUrl));
              if (compilation.getAsset(file)) compilation.updateAsset(file, localized);
              else compilation.emitAsset(file, localized);
            }
          } catch (error) {
            compilation.errors.push(error);
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const publicUrl = env.publicUrl || process.env.EOL_PUBLIC_URL || DEV_BASE_URL;
  // Every URL the build writes (manifest, function help links) follows the public URL, except in dev.
  const baseUrl = dev ? DEV_BASE_URL : publicUrl;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      // One entry for the whole shared runtime, named for the manifest's functions.js.
      functions: "./src/addin/runtime.ts",
      signIn: "./src/addin/auth/signInStart.ts",
      dialog: "./src/addin/auth/dialogPage.ts",
      notice: "./src/addin/commands/noticePage.ts",
    },
    output: {
      // --env outputPath=… builds elsewhere (tests build with a public URL into a temporary folder).
      path: path.resolve(__dirname, env.outputPath || "dist"),
      // The manifest points at functions.js by name; everything else is content-hashed in production.
      filename: (pathData) =>
        pathData.chunk.name === "functions" || dev ? "[name].js" : "[name].[contenthash:10].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:10].js",
      assetModuleFilename: "assets/[name][ext]",
      clean: true,
      // Every build rewrites every file: npm start compares dist/taskpane.html's time with the sources'.
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new LocalizedFunctionsPlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/addin/taskpane/taskpane.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "sign-in.html",
        template: "./src/addin/auth/sign-in.html",
        chunks: ["signIn"],
      }),
      new HtmlWebpackPlugin({
        filename: "auth-complete.html",
        template: "./src/addin/auth/auth-complete.html",
        chunks: ["dialog"],
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/addin/commands/notice.html",
        chunks: ["notice"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              withManifestVersion(rewriteManifestUrls(content.toString(), baseUrl), version),
          },
        ],
      }),
    ],
  };
};
