"use client";

import Link from "next/link";

export interface StaffNavGroup {
  id: string;
  label: string;
  links: { href: string; label: string }[];
}

/**
 * The staff navigation: labelled groups of links (lib/auth/staff-navigation.ts decides which).
 * Each group is a list named by its label, so a screen reader announces "Aanmeldingen, list,
 * 5 items"; plain links, so the keyboard order is the reading order and it works without JavaScript.
 * A client component: every staff page sends the groups as data, not as the markup of ~20 links.
 */
export function StaffNav({ label, groups }: { label: string; groups: StaffNavGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <nav aria-label={label} className="border-t border-white/15">
      <div className="mx-auto grid max-w-6xl grid-cols-2 gap-x-6 gap-y-3 px-4 py-3 text-sm sm:gap-x-10">
        {groups.map((group) => (
          <div key={group.id} className="min-w-0">
            <p id={`staff-nav-${group.id}`} className="nav-group-label">
              {group.label}
            </p>
            <ul aria-labelledby={`staff-nav-${group.id}`} className="nav-group-links">
              {group.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="nav-link py-0.5">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
