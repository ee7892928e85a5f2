/**
 * Meeting mode, remembered between sessions on this computer: the pane's own storage
 * (Office gives each add-in its own), not the workbook, because it is how this person
 * projects, not a fact about the assessment. Where storage is refused the mode still
 * works for the session.
 */
import { useCallback, useState } from "react";

const KEY = "spbe-index.meeting";

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

export function useMeetingMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(stored);
  const change = useCallback((next: boolean) => {
    setOn(next);
    try {
      window.localStorage.setItem(KEY, next ? "1" : "0");
    } catch {
      // Storage refused (a locked-down browser): the mode lasts for this session.
    }
  }, []);
  return [on, change];
}
