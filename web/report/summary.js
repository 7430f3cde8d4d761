// What a teacher reads at a glance: for each child and each topic, how many problems were
// answered, right at the first try, right after hints, not right yet and skipped; and the
// misconceptions behind wrong answers, most frequent first.

// The local calendar day an attempt was made on (its localTime keeps the device's offset).
export const dayOf = (a) => (a.localTime || a.time).slice(0, 10);

// filter: { child, set, from, to } (days as YYYY-MM-DD; empty means any).
export function filterAttempts(attempts, { child = '', set = '', from = '', to = '' } = {}) {
  return attempts.filter((a) => (!child || a.child.name === child) && (!set || a.set === set) &&
    (!from || dayOf(a) >= from) && (!to || dayOf(a) <= to));
}

// Each problem a child met (mini problems aside), with how it went: 'first' (right at the
// first answer), 'hints' (right after wrong answers and hints), 'notyet' (answered, never
// right), 'skipped' (skipped or only unreadable tries).
export function problemOutcomes(attempts) {
  const groups = new Map();
  for (const a of attempts) {
    if (a.miniOf) continue;
    const key = [a.child.name, a.set, a.problem].join('\u0000');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  return [...groups.values()].map((tries) => {
    const judged = tries.filter((a) => a.result === 'right' || a.result === 'wrong');
    const outcome = judged.length === 0 ? 'skipped' : judged[0].result === 'right' ? 'first'
      : judged.some((a) => a.result === 'right') ? 'hints' : 'notyet';
    const { child, set, problem, topic } = tries[0];
    return { child, set, problem, topic: topic || '(no topic)', outcome, tries,
      hints: Math.max(0, ...tries.map((a) => a.hints || 0)) };
  });
}

function tally(key, label, outcomes, attempts) {
  const rows = new Map();
  const row = (k) => {
    if (!rows.has(k)) rows.set(k, { key: k, problems: 0, answered: 0, first: 0, hints: 0, notyet: 0, skipped: 0,
      hintsSeen: 0, unreadable: 0, miniTried: 0, miniSkipped: 0, ...label(k) });
    return rows.get(k);
  };
  for (const o of outcomes) {
    const r = row(key(o));
    r.problems++;
    r[o.outcome]++;
    if (o.outcome !== 'skipped') r.answered++;
    r.hintsSeen += o.hints;
  }
  for (const a of attempts) {
    const r = row(key(a));
    if (a.result === 'unreadable') r.unreadable++;
    if (a.miniOf && a.result === 'skipped') r.miniSkipped++;
    else if (a.miniOf) r.miniTried++;
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function byChild(attempts) {
  const classes = new Map(attempts.map((a) => [a.child.name, a.child.class]));
  return tally((x) => x.child.name, (name) => ({ child: name, class: classes.get(name) || '' }), problemOutcomes(attempts), attempts);
}

export function byTopic(attempts) {
  const topics = new Map(attempts.filter((a) => !a.miniOf).map((a) => [[a.set, a.problem].join('\u0000'), a.topic]));
  const topicOf = (x) => x.topic || topics.get([x.set, x.miniOf || x.problem].join('\u0000')) || '(no topic)';
  return tally(topicOf, (topic) => ({ topic }), problemOutcomes(attempts), attempts);
}

// [{ id, count, children: [names], problems: [ids], examples: [attempt] }], most frequent first.
export function rankMisconceptions(attempts, examples = 3) {
  const groups = new Map();
  for (const a of attempts) {
    if (a.result !== 'wrong' || !a.misconception) continue;
    if (!groups.has(a.misconception)) groups.set(a.misconception, []);
    groups.get(a.misconception).push(a);
  }
  return [...groups.entries()].map(([id, list]) => ({
    id,
    count: list.length,
    text: (list.find((a) => a.misconceptionText) || {}).misconceptionText || '',
    children: [...new Set(list.map((a) => a.child.name))].sort(),
    problems: [...new Set(list.map((a) => a.problem))],
    examples: list.slice(0, examples),
  })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}
