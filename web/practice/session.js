// Where the writer is in a problem set: the problem (or the mini problem for a mistake),
// how many wrong answers it has had (which hint comes next), and what comes after it.

export class PracticeSession {
  constructor(set, index = 0) {
    this.set = set;
    this.index = Number.isInteger(index) && index >= 0 && index <= set.problems.length ? index : 0;
    this.mini = null;   // { problem, mistake, parent } while a mini problem is open
    this.wrongAnswers = 0;
    this.parentWrongAnswers = 0;
  }

  get done() {
    return this.index >= this.set.problems.length;
  }

  get parent() {
    return this.done ? null : this.set.problems[this.index];
  }

  // The problem being answered now.
  get problem() {
    return this.mini ? this.mini.problem : this.parent;
  }

  // Its id in the report: a mini problem is named after its problem and mistake.
  get problemId() {
    return this.mini ? `${this.parent.id}/${this.mini.mistake.id}` : this.parent.id;
  }

  wrong() {
    this.wrongAnswers++;
  }

  // The hint for the latest wrong answer: the first hint after one, the second after two...
  get hint() {
    const hints = this.problem.hints;
    return hints.length ? hints[Math.min(this.wrongAnswers, hints.length) - 1] : '';
  }

  startMini(mistake) {
    if (this.mini || !mistake || !mistake.mini) return false;
    this.parentWrongAnswers = this.wrongAnswers;
    this.mini = { problem: mistake.mini, mistake, parent: this.parent };
    this.wrongAnswers = 0;
    return true;
  }

  endMini() {
    this.mini = null;
    this.wrongAnswers = this.parentWrongAnswers;
  }

  next() {
    this.mini = null;
    this.wrongAnswers = 0;
    if (!this.done) this.index++;
  }

  restart() {
    this.mini = null;
    this.wrongAnswers = 0;
    this.index = 0;
  }
}
