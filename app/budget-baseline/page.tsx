/**
 * A bare page with nothing but the root layout: the floor that `npm run budget` measures
 * /apply's first-load JavaScript against (scripts/budget.ts).
 */
export default function BudgetBaselinePage() {
  return <p>Baseline</p>;
}
export const metadata = { robots: { index: false } };
