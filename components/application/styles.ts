/** The application page's controls, shared by its sections. */
export const input = "block w-full rounded border border-slate-400 px-2 py-1.5";
export const button = "rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800";
export const secondary = "rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
