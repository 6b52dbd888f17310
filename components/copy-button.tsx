"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * Copies `text` to the clipboard. Rendered only where the browser can copy (so never without
 * JavaScript): the text itself stays on the page as selectable text.
 */
export function CopyButton({
  text,
  label,
  done,
  context,
  className,
}: {
  text: string;
  label: string;
  done: string;
  /** Read only by screen readers after the label, to tell many such buttons apart. */
  context?: string;
  className?: string;
}) {
  const canCopy = useSyncExternalStore(subscribe, () => Boolean(navigator.clipboard?.writeText), () => false);
  const [copied, setCopied] = useState(false);
  if (!canCopy) return null;
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => {
          void navigator.clipboard.writeText(text).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2500);
          });
        }}
      >
        {copied ? done : label}
        {context && <span className="sr-only"> {context}</span>}
      </button>
      <span role="status" className="sr-only">
        {copied ? done : ""}
      </span>
    </>
  );
}
