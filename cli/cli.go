// Package cli implements tradecheck-cli, the headless front end of the
// engine: the same reading, matching and reconciliation the desktop app
// runs, for scripts and reproducible methods. It never imports Fyne.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"tradecheck/reconcile/read"
)

// Exit codes shared by every command.
const (
	ExitOK    = 0 // all done
	ExitInput = 1 // some input could not be read; the rest was done
	ExitUsage = 2 // wrong usage
)

// Env is what a command runs against. Tests pass buffers.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Debug  bool // print Go stack traces on internal errors
}

type command struct {
	name    string
	usage   string // the full usage line after "tradecheck-cli "
	summary string
	run     func(env *Env, args []string) int
}

func commands() []command {
	return []command{
		{"inspect", "inspect [--json] FILE...", "show how each file's sheets and columns are read", runInspect},
		{"match", "match [--column NAME] [--id-column NAME [--trust-id-column]] [--threshold X] [--review REVIEW.csv] [--decisions FILE] [-o OUT.csv] IN.csv", "cluster company names in a CSV", runMatch},
		{"reconcile", "reconcile [-o OUT.xlsx] [--decisions PREV.xlsx] [--weight net|gross] [--rate CUR=USD]... [--screen LIST]... [--map COL=FIELD|FIELD=VALUE]... [--date-order FILE:dmy|mdy]... [--unit COL=UNIT|tons=t]... [--decimal COL=comma|point]... [--flow FILE=export[:CC]]... [--skip-sheet FILE!SHEET]... [--include-sheet FILE!SHEET]... [--bl-window -10,+2] [--packaging-band 0.15] [--export-window -60,+2] [--parquet DIR [--stream]] FILE...", "reconcile sources and write the audit workbook", runReconcile},
		{"check", "check --claims CLAIMS.csv|CLAIMS.xlsx [--decisions AUDIT.xlsx|DECISIONS] [-o OUT.xlsx] [--rate CUR=USD]... [--screen LIST]... [--map COL=FIELD|FIELD=VALUE]... [--date-order FILE:dmy|mdy]... [--unit COL=UNIT|tons=t]... [--decimal COL=comma|point]... [--flow FILE=export[:CC]]... [--skip-sheet FILE!SHEET]... [--include-sheet FILE!SHEET]... [--memo DIR] FILE...", "check published figures against the data", runCheck},
		{"screen", "screen --list FILE [--list FILE]... [--threshold X] [--decisions D.json] [-o OUT.csv] INPUT...", "screen consignees and shippers against sanctions lists", runScreen},
	}
}

// Main runs the CLI with os.Args and returns the exit code.
func Main() int {
	return Run(&Env{Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:])
}

// Run dispatches to a command. A panic inside a command becomes a one-line
// message (with the stack only under --debug) and exit code 1.
func Run(env *Env, args []string) (code int) {
	// .xls and .ods are read through LibreOffice conversions kept for the
	// run: removed when the command ends.
	defer read.RemoveConversions()
	var rest []string
	for _, a := range args {
		if a == "--debug" || a == "-debug" {
			env.Debug = true
			continue
		}
		rest = append(rest, a)
	}
	args = rest
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(env.Stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		defer func() {
			if r := recover(); r != nil {
				fmt.Fprintf(env.Stderr, "tradecheck-cli %s: internal error: %v (please report it; run with --debug for details)\n", c.name, r)
				if env.Debug {
					env.Stderr.Write(debug.Stack())
				}
				code = ExitInput
			}
		}()
		return c.run(env, args[1:])
	}
	fmt.Fprintf(env.Stderr, "tradecheck-cli: unknown command %q\n\n", args[0])
	printUsage(env.Stderr)
	return ExitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: tradecheck-cli COMMAND [options] FILE...")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  tradecheck-cli %s\n", c.usage)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Flags may come before or after files. --debug prints stack traces on internal errors.")
	fmt.Fprintln(w, "Exit codes: 0 all done, 1 some input could not be read, 2 wrong usage.")
}

// newFlagSet builds a FlagSet whose -h prints the command's full usage.
func newFlagSet(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseArgs parses flags that may come before or after positional
// arguments ("inspect a.xlsx --json b.csv"). "--" ends flag parsing. On
// -h/--help it prints the usage and returns errHelp; on a bad flag it prints
// the error with the usage.
func parseArgs(env *Env, fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printCommandUsage(env.Stdout, fs)
				return nil, errHelp
			}
			fmt.Fprintf(env.Stderr, "tradecheck-cli %s: %v\n", fs.Name(), err)
			printCommandUsage(env.Stderr, fs)
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, tail...), nil
		}
		// Parse stops at the first non-flag: keep it and go on.
		pos = append(pos, args[0])
		args = args[1:]
	}
}

var errHelp = errors.New("help shown")

func printCommandUsage(w io.Writer, fs *flag.FlagSet) {
	for _, c := range commands() {
		if c.name == fs.Name() {
			fmt.Fprintf(w, "Usage: tradecheck-cli %s\n", c.usage)
		}
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	for _, n := range names {
		f := fs.Lookup(n)
		dash := "--"
		if len(n) == 1 {
			dash = "-"
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %s%s\t%s%s\n", dash, n, strings.TrimSpace(f.Usage), def)
	}
}

// usageError prints a usage problem and returns ExitUsage.
func usageError(env *Env, cmd, format string, a ...any) int {
	fmt.Fprintf(env.Stderr, "tradecheck-cli %s: %s\n", cmd, fmt.Sprintf(format, a...))
	for _, c := range commands() {
		if c.name == cmd {
			fmt.Fprintf(env.Stderr, "Usage: tradecheck-cli %s\n", c.usage)
		}
	}
	return ExitUsage
}
