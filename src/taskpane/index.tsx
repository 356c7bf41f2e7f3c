/** The task pane's entry (webpack's `taskpane` entry): start the pane in #root of taskpane.html. */
import { startPane } from './boot/start-pane';

void startPane(document.getElementById('root'), window as unknown as Parameters<typeof startPane>[1]);
