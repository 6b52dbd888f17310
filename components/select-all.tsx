"use client";

import { useRef } from "react";

/**
 * A "select everything on this page" checkbox for a table of row checkboxes named `name` in the
 * same form: ticking it ticks every row, and it follows the rows (ticked when all are, mixed
 * when some are). Needs JavaScript; without it the rows are still ticked one by one.
 */
export function SelectAll({ name, label }: { name: string; label: string }) {
  const box = useRef<HTMLInputElement>(null);
  const rows = () => (box.current?.form ? [...box.current.form.elements].filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === "checkbox" && e.name === name) : []);
  const follow = () => {
    const all = rows();
    const ticked = all.filter((r) => r.checked).length;
    if (!box.current) return;
    box.current.checked = all.length > 0 && ticked === all.length;
    box.current.indeterminate = ticked > 0 && ticked < all.length;
  };
  return (
    <input
      ref={(el) => {
        box.current = el;
        const form = el?.form;
        if (!form) return;
        // Rows ticked one by one, and a form reset after a bulk action, update this box too.
        const onChange = (event: Event) => {
          if (event.target !== el) follow();
        };
        const onReset = () => setTimeout(follow);
        form.addEventListener("change", onChange);
        form.addEventListener("reset", onReset);
        return () => {
          form.removeEventListener("change", onChange);
          form.removeEventListener("reset", onReset);
        };
      }}
      type="checkbox"
      aria-label={label}
      onChange={(event) => {
        for (const row of rows()) row.checked = event.currentTarget.checked;
      }}
      className="h-4 w-4"
    />
  );
}
