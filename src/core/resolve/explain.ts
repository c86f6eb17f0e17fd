// Turns the derivation that proves "no solution" into plain sentences and structured facts: which
// module declared which range, where two ranges on one module exclude each other, and what follows.
import type { Incompatibility, Term } from './incompatibility.js';
import type { Solver } from './solver.js';
import type { Dependency } from './types.js';

/** One registry fact the failure rests on: `name` at `versions` declares `dependency`. */
export interface ConflictFact {
  kind: 'dependency' | 'missing';
  name: string;
  versions: string[];
  dependency: Dependency;
  /** For `missing`: the published versions of the dependency ([] when no such module exists). */
  available?: string[];
}

/** Ranges on one module that no single published version satisfies together. */
export interface ConflictClash {
  name: string;
  available: string[];
  ranges: { range: string; required_by: string }[];
}

export interface Explanation {
  reason: 'CONFLICT' | 'NOT_FOUND';
  message: string;
  hint: string;
  explanation: string[];
  facts: ConflictFact[];
  clashes: ConflictClash[];
}

/** Derived conclusions are listed only when few enough to stay readable. */
const MAX_STEPS = 4;
const MAX_LISTED = 5;

export function explainFailure(solver: Solver, failure: Incompatibility): Explanation {
  const leaves: Incompatibility[] = [];
  const steps: Incompatibility[] = [];
  const seen = new Set<Incompatibility>();
  const walk = (inc: Incompatibility): void => {
    if (seen.has(inc)) return;
    seen.add(inc);
    if (inc.cause.kind === 'derived') {
      walk(inc.cause.left);
      walk(inc.cause.right);
      steps.push(inc);
    } else if (inc.cause.kind !== 'root') leaves.push(inc);
  };
  walk(failure);

  const rootName = solver.root.name;
  const facts = leaves.map((inc) => toFact(solver, inc)).sort((a, b) => Number(b.name === rootName) - Number(a.name === rootName));
  const clashes = findClashes(solver, facts);
  const root = `${rootName}@${solver.root.version}`;
  const sentences = [...facts.map((f) => factSentence(solver, f)), ...clashes.map(clashSentence)];
  if (steps.length <= MAX_STEPS) sentences.push(...steps.slice(0, -1).map((s) => `So ${conclusion(solver, s)}.`));
  sentences.push(`So no set of versions satisfies every range that ${root} needs.`);

  const missing = facts.find((f) => f.kind === 'missing');
  if (missing && clashes.length === 0) {
    return {
      reason: 'NOT_FOUND',
      message: `Dependency not found for ${subject(solver, missing.name, missing.versions).text}: ${missing.dependency.name} (${missing.dependency.range}). ${missingDetail(missing)}`,
      hint: `Publish a version of ${missing.dependency.name} that matches ${missing.dependency.range}, or change the range.`,
      explanation: sentences,
      facts,
      clashes,
    };
  }
  const headline = clashes[0] ? clashSentence(clashes[0]) : `${conclusion(solver, steps.at(-2) ?? failure)}.`;
  return {
    reason: 'CONFLICT',
    message: `Cannot resolve the dependencies of ${root}: ${headline}`,
    hint: 'Widen one of the conflicting ranges, or publish a version that satisfies all of them.',
    explanation: sentences,
    facts,
    clashes,
  };
}

function toFact(solver: Solver, inc: Incompatibility): ConflictFact {
  // A registry fact's first term is always the declaring package (see Solver.factsOf).
  const parent = inc.terms[0]!;
  const dependency = depOf(inc);
  const fact: ConflictFact = {
    kind: inc.cause.kind === 'missing' ? 'missing' : 'dependency',
    name: parent.name,
    versions: solver.universe(parent.name).list(parent.worlds),
    dependency,
  };
  if (fact.kind === 'missing') fact.available = [...solver.universe(dependency.name).versions];
  return fact;
}

function depOf(inc: Incompatibility): Dependency {
  if (inc.cause.kind !== 'dependency' && inc.cause.kind !== 'missing') throw new Error('Not a registry fact');
  return inc.cause.dependency;
}

/**
 * Pairs of ranges, declared by different modules, that no published version of their target satisfies
 * together; if no pair clashes alone, the whole group of ranges on that target.
 */
function findClashes(solver: Solver, facts: ConflictFact[]): ConflictClash[] {
  const byTarget = new Map<string, ConflictFact[]>();
  for (const f of facts) if (f.kind === 'dependency') byTarget.set(f.dependency.name, [...(byTarget.get(f.dependency.name) ?? []), f]);
  const clashes: ConflictClash[] = [];
  for (const [name, group] of byTarget) {
    const u = solver.universe(name);
    const allowed = (f: ConflictFact) => u.matching(f.dependency.range);
    const clash = (members: ConflictFact[]): ConflictClash => ({
      name,
      available: [...u.versions],
      ranges: members.map((f) => ({ range: f.dependency.range, required_by: subject(solver, f.name, f.versions).text })),
    });
    const pairs = group.flatMap((f, i) => group.slice(i + 1).filter((g) => g.name !== f.name && (allowed(f) & allowed(g)) === 0n).map((g) => clash([f, g])));
    if (pairs.length > 0) clashes.push(...pairs);
    else if (group.length > 1 && group.reduce((m, f) => m & allowed(f), u.versionBits) === 0n) clashes.push(clash(group));
  }
  return clashes;
}

function factSentence(solver: Solver, f: ConflictFact): string {
  const s = subject(solver, f.name, f.versions);
  const declares = `${s.text} ${s.plural ? 'depend' : 'depends'} on ${f.dependency.name} ${f.dependency.range}`;
  return f.kind === 'missing' ? `${declares}, but ${lowerFirst(missingDetail(f))}` : `${declares}.`;
}

function missingDetail(f: ConflictFact): string {
  const available = f.available ?? [];
  if (available.length === 0) return `No module named ${f.dependency.name} is published in the registry.`;
  return `No published version of ${f.dependency.name} matches ${f.dependency.range} (available: ${listed(available)}).`;
}

function clashSentence(c: ConflictClash): string {
  const ranges = c.ranges.map((r) => `${r.range} (required by ${r.required_by})`);
  const joined = ranges.length === 2 ? `both ${ranges[0]} and ${ranges[1]}` : `all of ${ranges.join(', ')}`;
  return `No version of ${c.name} (${c.available.length ? listed(c.available) : 'none published'}) satisfies ${joined}.`;
}

/** How to name some versions of a package: `a@1.0.0`, `every version of a`, `a ^2.0.0 (2.0.0, 2.1.0)`. */
function subject(solver: Solver, name: string, versions: string[]): { text: string; plural: boolean } {
  const u = solver.universe(name);
  if (versions.length === 1) return { text: `${name}@${versions[0]}`, plural: false };
  if (versions.length === u.versions.length) return { text: `every version of ${name}`, plural: false };
  const mask = versions.reduce((m, v) => m | u.bit(u.versions.indexOf(v)), 0n);
  const [range] = u.rangesEqualTo(mask).sort();
  return { text: range ? `every ${name} ${range} (${listed(versions)})` : `${name} ${listed(versions)}`, plural: !range };
}

/** What a derived incompatibility says, as a clause. */
function conclusion(solver: Solver, inc: Incompatibility): string {
  const positive = (t: Term) => (t.worlds & solver.universe(t.name).none) === 0n;
  const pos = (t: Term) => subject(solver, t.name, solver.universe(t.name).list(t.worlds)).text;
  const neg = (t: Term) => {
    const allowed = solver.universe(t.name).list(solver.universe(t.name).complement(t.worlds));
    return allowed.length === 1 ? `${t.name}@${allowed[0]}` : `${t.name} ${listed(allowed)}`;
  };
  const [a, b] = inc.terms;
  if (!a) return 'no set of versions satisfies every range';
  if (inc.terms.length === 1) return positive(a) ? `${pos(a)} cannot be used` : `${neg(a)} is required`;
  if (inc.terms.length === 2 && b) {
    if (positive(a) && positive(b)) return `${pos(a)} and ${pos(b)} cannot be used together`;
    const [p, n] = positive(a) ? [a, b] : [b, a];
    if (positive(p) && !positive(n)) return `${pos(p)} requires ${neg(n)}`;
  }
  return `these cannot all hold: ${inc.terms.map((t) => (positive(t) ? pos(t) : `not ${pos({ name: t.name, worlds: solver.universe(t.name).complement(t.worlds) })}`)).join('; ')}`;
}

/** Versions lowest first, the way people read them; long lists are cut. */
function listed(highestFirst: readonly string[]): string {
  const versions = [...highestFirst].reverse();
  const shown = versions.slice(0, MAX_LISTED).join(', ');
  return versions.length > MAX_LISTED ? `${shown} and ${versions.length - MAX_LISTED} more` : shown;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
