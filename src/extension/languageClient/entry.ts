// Bundled alone (dist/languageClient.js) and required only when the first config file opens, so
// activation never loads or parses vscode-languageclient.
export { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
