/**
 * Copy a table so it pastes as a table into HWP or Word: text/html with text/plain (TSV) beside it.
 *
 * Excel on the web runs the pane in an iframe whose permissions policy blocks the async clipboard, and some
 * desktop webviews lack ClipboardItem; there the HTML goes into an off-screen contenteditable element, is
 * selected, and copied with the legacy execCommand('copy'), which copies the selection as rich text.
 */
export type CopyOutcome = { ok: true; via: 'clipboard-api' | 'exec-command' } | { ok: false; reason: string };

export interface CopyEnvironment {
  navigator?: Pick<Navigator, 'clipboard'> | null;
  ClipboardItem?: typeof ClipboardItem;
  document: Document;
}

function defaultEnvironment(): CopyEnvironment {
  return {
    navigator: typeof navigator === 'undefined' ? null : navigator,
    ClipboardItem: typeof ClipboardItem === 'undefined' ? undefined : ClipboardItem,
    document,
  };
}

async function viaClipboardApi(html: string, text: string, env: CopyEnvironment): Promise<boolean> {
  const clipboard = env.navigator?.clipboard;
  const Item = env.ClipboardItem;
  if (!clipboard || typeof clipboard.write !== 'function' || !Item) return false;
  try {
    await clipboard.write([
      new Item({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    // Blocked by the host's permissions policy, or no user activation: try the legacy path.
    return false;
  }
}

function viaSelection(html: string, text: string, doc: Document): boolean {
  const holder = doc.createElement('div');
  holder.contentEditable = 'true';
  holder.setAttribute('aria-hidden', 'true');
  // Off-screen, but rendered: a display:none element cannot be selected.
  Object.assign(holder.style, { position: 'fixed', left: '-10000px', top: '0', opacity: '0', whiteSpace: 'pre' });
  holder.innerHTML = html;
  doc.body.appendChild(holder);
  const selection = doc.getSelection();
  const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  // When the browser fires the copy event, put both flavours in explicitly (it would otherwise derive text/plain
  // from the rendered HTML, losing the tabs).
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    const range = doc.createRange();
    range.selectNodeContents(holder);
    selection?.removeAllRanges();
    selection?.addRange(range);
    return typeof doc.execCommand === 'function' && doc.execCommand('copy') === true;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy);
    selection?.removeAllRanges();
    if (saved) selection?.addRange(saved);
    holder.remove();
  }
}

/** Try the async clipboard, then the selection fallback; says which worked, or that neither did. */
export async function copyHtmlAndText(html: string, text: string, env: CopyEnvironment = defaultEnvironment()): Promise<CopyOutcome> {
  if (await viaClipboardApi(html, text, env)) return { ok: true, via: 'clipboard-api' };
  if (viaSelection(html, text, env.document)) return { ok: true, via: 'exec-command' };
  return { ok: false, reason: 'the browser refused both the clipboard API and execCommand(copy)' };
}
