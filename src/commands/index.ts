export { registerCommands } from './commands';
