"use client";

import { useEffect } from "react";

/**
 * Moves keyboard focus to the element `targetId` whenever `changeKey` changes: the button that was
 * pressed left with its card, so focus would otherwise fall back to the top of the page.
 */
export function FocusOnChange({ targetId, changeKey }: { targetId: string; changeKey: string }) {
  useEffect(() => {
    if (changeKey) document.getElementById(targetId)?.focus({ preventScroll: false });
  }, [targetId, changeKey]);
  return null;
}
