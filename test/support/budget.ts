/**
 * The budget of any single hostile file is 5 s (issue: "Safe on hostile corpora"). Tests guard it
 * at three times that: they run on shared two-core machines, and what they catch (a reader that
 * backtracks, overflows or waits on a FIFO) takes minutes or never ends. Speed itself is measured
 * by `npm run bench`, not by tests.
 */
export const hostileBudgetMs = 5_000;
export const budgetGuardMs = 3 * hostileBudgetMs;
