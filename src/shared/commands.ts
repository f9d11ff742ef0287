// The ids of the commands the extension contributes (package.json `contributes.commands`), in one
// place for the extension that registers them, the language server whose code actions run one, and
// the tests; test/unit/shared/commands.test.ts keeps package.json in step.
export const COMMANDS = {
  checkKey: 'mistralKeyDoctor.checkKey',
  setKey: 'mistralKeyDoctor.setKey',
  removeKey: 'mistralKeyDoctor.removeKey',
  showDiagnostics: 'mistralKeyDoctor.showDiagnostics',
  showLog: 'mistralKeyDoctor.showLog',
  pinModel: 'mistralKeyDoctor.pinModel',
  /** The status item's menu: Check now, Set key, Tool, Show diagnostics, Open log. */
  statusMenu: 'mistralKeyDoctor.statusMenu',
  selectTool: 'mistralKeyDoctor.selectTool',
  /** Run by the language server's "check this key" code action, with `CheckKeyInFileArgs`. */
  checkKeyInFile: 'mistralKeyDoctor.checkKeyInFile',
  /** The watch of other tools' keys (src/extension/watch/): its menu, asking again, one key now, stop one source. */
  watchMenu: 'mistralKeyDoctor.watchMenu',
  watchToolKeys: 'mistralKeyDoctor.watchToolKeys',
  checkWatchedKey: 'mistralKeyDoctor.checkWatchedKey',
  stopWatching: 'mistralKeyDoctor.stopWatching',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
