// Builds the add-in: one shared-runtime page (taskpane.html) carrying functions + commands + task pane,
// a stable functions.js/functions.json for the manifest, and a small React-free bundle for the sign-in
// dialog pages. Production builds hash every other file and rewrite the manifest's URLs.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
// The manifest URL rewrite is shared with the gateway, which serves a manifest for its own URL.
require("tsx/cjs/api").register();
const { rewriteManifestUrls, DEV_BASE_URL } = require("./src/shared/manifestUrls.ts");

const FUNCTIONS_SOURCE = "./src/addin/functions/functions.ts";

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const publicUrl = env.publicUrl || process.env.EOL_PUBLIC_URL || DEV_BASE_URL;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: "./src/addin/commands/commands.ts",
      taskpane: "./src/addin/taskpane/index.tsx",
      dialog: "./src/addin/auth/dialogPage.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // The manifest points at functions.js by name; everything else is content-hashed in production.
      filename: (pathData) =>
        pathData.chunk.name === "functions" || dev ? "[name].js" : "[name].[contenthash:10].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:10].js",
      assetModuleFilename: "assets/[name][ext]",
      clean: true,
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/addin/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "auth-complete.html",
        template: "./src/addin/auth/auth-complete.html",
        chunks: ["dialog"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/addin/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifestUrls(content.toString(), publicUrl)),
          },
        ],
      }),
    ],
  };
};
