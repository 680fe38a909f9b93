// Package memo writes the verification memo: the page a fact-checker hands
// the editor for each checked claim, and for all of them. It states the
// sentence, the verdict and its reason, the figure with its bounds, the
// shipments in scope with their source rows and the SHA-256 of every file
// they come from, which company names were matched to which entities and
// by which rule, the user's decisions that touch the claim, the rules of
// the run (weight basis, tolerances, thresholds, exchange rates) and the
// near-boundary shipments.
//
// The text is the engine's: the CLI (check --memo) and the desktop app
// (Copy memo, Export memo) render the same Memo, as Markdown for pasting
// and as printable HTML (html/template, so every value from a source file
// is escaped). Build assembles a Memo from a pipeline result and its
// verdicts; Markdown and HTML render it; WriteDir writes both atomically.
package memo
