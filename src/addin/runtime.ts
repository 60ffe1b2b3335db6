/*
 * The shared runtime's one script: the custom functions, the ribbon commands and the task pane's small
 * entry as one webpack module graph, so every module (session, event bus, data layer, error classes)
 * exists once on the page. Built as functions.js, the file the manifest's <Script> names, and the only
 * script taskpane.html (the manifest's <Page>, <FunctionFile> and <Runtime>) loads. Functions first:
 * their associate calls and the CustomFunctions stand-in; then the ribbon handlers, associated before
 * Office.onReady; then the pane, whose React UI is a chunk of its own, fetched when the pane shows.
 * A host that runs <Script> without the page gets the functions and commands; the pane entry sees no
 * document and does nothing. After each sign-in, the cells that waited for it run again.
 */
import "./functions/functions";
import "./commands/commands";
import "./taskpane/index";
import { rerunAfterEachSignIn } from "./commands/rerunAfterSignIn";

rerunAfterEachSignIn();
