// Prints, at the end of a run, what the end-to-end suite covered: journeys (tests) by layout and the
// distinct screens people saw (each screen counted once per language and layout, by its title).
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

class SummaryReporter implements Reporter {
  private passed = new Map<string, number>();
  private screens = new Set<string>();
  private failed: string[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    const layout = test.parent.project()?.name ?? 'default';
    if (result.status !== test.expectedStatus) {
      this.failed.push(`${layout}: ${test.titlePath().slice(2).join(' › ')} — see target/e2e/artifacts/`);
      return;
    }
    this.passed.set(layout, (this.passed.get(layout) ?? 0) + 1);
    for (const annotation of test.annotations.concat(result.annotations ?? [])) {
      if (annotation.type !== 'screens' || !annotation.description) continue;
      for (const title of JSON.parse(annotation.description) as string[]) this.screens.add(`${layout}\u0000${title}`);
    }
  }

  onEnd(_result: FullResult) {
    const journeys = [...this.passed.values()].reduce((a, b) => a + b, 0);
    const byLayout = [...this.passed].map(([layout, n]) => `${n} ${layout}`).join(', ');
    console.log(`\nEnd-to-end coverage: ${journeys} journeys passed (${byLayout}); ${this.screens.size} distinct screens seen (title × language × layout).`);
    for (const failure of this.failed) console.log(`  failed: ${failure}`);
  }

  printsToStdio() {
    return false;
  }
}

export default SummaryReporter;
