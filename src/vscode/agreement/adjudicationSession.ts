import * as vscode from 'vscode';
import type { AgreementReport, Disagreement } from '../../core/agreement/agreementReport';
import { compareSides } from '../../core/agreement/compareSides';
import { openDisagreements, type Settled } from '../../core/agreement/settledDisagreements';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { Comparison } from './comparison';

/** Context key: a comparison is open (Next/Previous Disagreement's keys and menus read it). */
const comparingKey = 'newsAnnotator.comparing';

/**
 * The comparison being adjudicated: its report (without the disagreements settled in this
 * session), which disagreement is current, and the answers given. Our side follows every write
 * through the workspace (an answer, an undo, a tag added meanwhile): the report is computed again.
 */
export class AdjudicationSession implements vscode.Disposable {
  private comparison: Comparison | undefined;
  private fullReport: AgreementReport | undefined;
  private settled: Settled[] = [];
  /** The report as shown: settled disagreements left out. */
  report: AgreementReport | undefined;
  /** Index of the current disagreement in `report.disagreements`. */
  current: number | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(workspace: AnnotationWorkspace) {
    this.subscription = workspace.onDidChangeFiles((textPaths) => void this.ourFilesChanged(textPaths));
  }

  get active(): Comparison | undefined {
    return this.comparison;
  }

  start(comparison: Comparison): AgreementReport {
    this.comparison = comparison;
    this.settled = [];
    this.current = undefined;
    this.recompute();
    void vscode.commands.executeCommand('setContext', comparingKey, true);
    return this.report!;
  }

  stop(): void {
    this.comparison = undefined;
    this.fullReport = undefined;
    this.report = undefined;
    this.current = undefined;
    void vscode.commands.executeCommand('setContext', comparingKey, false);
    this.changeEmitter.fire();
  }

  disagreement(index = this.current): Disagreement | undefined {
    return index === undefined ? undefined : this.report?.disagreements[index];
  }

  /** Remembers an answer; the report is filtered again (the write, if any, reloads it anyway). */
  settle(answer: Settled): void {
    this.settled.push(answer);
    this.filter();
  }

  setCurrent(index: number | undefined): void {
    this.current = index;
    this.changeEmitter.fire();
  }

  /** Re-reads our files at these paths and computes the report again when one is compared. */
  async ourFilesChanged(textPaths: readonly string[]): Promise<void> {
    if (this.comparison && (await this.comparison.reload(textPaths))) this.recompute();
  }

  private recompute(): void {
    if (!this.comparison) return;
    const { left, right } = this.comparison.sides();
    this.fullReport = compareSides(left, right);
    this.filter();
  }

  private filter(): void {
    const comparison = this.comparison;
    if (!comparison || !this.fullReport) return;
    this.report = openDisagreements(this.fullReport, this.settled, (path) => comparison.oursOf(path));
    const count = this.report.disagreements.length;
    // The current position stays where it was: after an answer it names the next disagreement.
    if (this.current !== undefined) this.current = count === 0 ? undefined : this.current >= count ? 0 : this.current;
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
