/// <reference types="office-js" />
/**
 * The manifest's FunctionFile. The only ribbon button today opens the task pane (ShowTaskpane), which needs
 * no code; this page exists because Office loads it for the Home-tab group, and it is where ExecuteFunction
 * commands (say, "check workbook" without opening the pane) would be registered.
 */
export function registerCommands(office: Pick<typeof Office, 'onReady'>): Promise<void> {
  return office.onReady().then(() => undefined);
}

if (typeof Office !== 'undefined') {
  void registerCommands(Office);
}
