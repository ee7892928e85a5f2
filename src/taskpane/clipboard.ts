/**
 * Text onto the clipboard. The asynchronous Clipboard API first; where the host's browser
 * refuses it (older Office webviews, a frame without the permission), the selection of a
 * hidden text area and the copy command. True when one of them took the text.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
