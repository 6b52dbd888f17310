/** Button and link looks of the contact person's workspace: large enough to tap on a phone. */
export const primaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";
export const whatsappButton =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800";
export const secondaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50";
export const summaryLink = "inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline underline-offset-4";
export const field = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2";
export const smallButton =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50";
