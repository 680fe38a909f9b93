# Tradecheck — the two commands a newcomer needs are `make run` and `make test`.
# Every target first runs scripts/setup.sh, which installs whatever Debian/Ubuntu
# packages are missing (and nothing when all are present).

GO        ?= go
BIN       := bin
EVAL_DATA ?= ../shared/eval-data
BENCH     ?= .
BENCHPKG  ?= ./...
# The demo sources: every sample workbook and CSV except the claims table
# and the sanctions list (make e2e reads these as shipment sources).
SAMPLE_LIST    := $(wildcard samples/sanctions_list_fictional_ILLUSTRATIVE_list.csv)
SAMPLE_SOURCES := $(sort $(wildcard samples/*.xlsx)) $(filter-out samples/claims.csv $(SAMPLE_LIST),$(sort $(wildcard samples/*.csv)))
# What make run opens: the sources plus the claims table and the sanctions
# list, which the app recognises by content and uses as claims and as a list.
SAMPLE_RUN     := $(SAMPLE_SOURCES) $(wildcard samples/claims.csv) $(SAMPLE_LIST)

.PHONY: all setup run build app cli test fmt-check vet lint fyne-check unit e2e smoke eval bench package samples icon clean help

all: build

help:
	@echo "make run      build the desktop app and open it on the sample data"
	@echo "make test     gofmt + vet + import check + every test (engine and CLI with -race) + CLI end-to-end + smoke test"
	@echo "make build    build bin/tradecheck (desktop) and bin/tradecheck-cli (headless)"
	@echo "make cli      build bin/tradecheck-cli only (CGO_ENABLED=0, no C compiler needed)"
	@echo "make eval     property test over SYNTH_SEEDS random sets, then evaluate against EVAL_DATA=$(EVAL_DATA) (not in the repo)"
	@echo "make bench    run the Go benchmarks (BENCH=regexp BENCHPKG=./reconcile/...)"
	@echo "make package  Linux .tar.xz and Windows .exe in dist/"
	@echo "make samples  regenerate the synthetic sample data in samples/"
	@echo "make smoke    launch the real app under Xvfb, drive it, screenshot it"

setup:
	@scripts/setup.sh

# Fyne's locale lookup cannot parse a C.UTF-8 (or POSIX.*) locale, the
# default of Debian images, CI and Xvfb sessions, and logs "Fyne error: Error
# parsing user locale C" while its packages initialise, before main runs, so
# the app cannot prevent it. Such a locale's messages are C's, English:
# LANGUAGE=en says so in a form Fyne parses (a LANGUAGE of the user's is kept;
# other locales are left alone, so a German desktop keeps German dialogs).
run: build
	@loc="$${LC_ALL:-$${LC_MESSAGES:-$$LANG}}"; case "$$loc" in C.*|POSIX.*) export LANGUAGE="$${LANGUAGE:-en}";; esac; \
	echo $(BIN)/tradecheck $(SAMPLE_RUN); $(BIN)/tradecheck $(SAMPLE_RUN)

build: app cli

app: setup
	$(GO) build -o $(BIN)/tradecheck ./cmd/tradecheck

cli: setup
	CGO_ENABLED=0 $(GO) build -o $(BIN)/tradecheck-cli ./cmd/tradecheck-cli

# CI entry point (.ci/run). Tests read CI: with CI=true a test that needs a
# missing tool (soffice, Xvfb, …) fails instead of skipping.
test: setup fmt-check vet lint fyne-check unit e2e smoke
	@echo "make test: all passed"

fmt-check:
	@echo "== gofmt -l"
	@out=$$(find . \( -path ./.git -o -path ./tmp -o -path ./bin -o -path ./dist -o -name testdata \) -prune \
		-o -name '*.go' -print | xargs gofmt -l); \
	if [ -n "$$out" ]; then echo "gofmt: these files need gofmt -w:"; echo "$$out"; exit 1; fi

vet:
	@echo "== go vet ./..."
	$(GO) vet ./...

# staticcheck, pinned, fetched through the Go module proxy like any module.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	@echo "== staticcheck ./..."
	$(GO) run $(STATICCHECK) ./...

# The engine and the CLI are shared with headless use: neither may pull in
# Fyne (and with it cgo/OpenGL).
fyne-check:
	@echo "== no fyne.io under reconcile/ or in the CLI"
	@deps=$$($(GO) list -deps ./reconcile/... ./cli/... ./cmd/tradecheck-cli) || exit 1; \
	if echo "$$deps" | grep -q '^fyne\.io/'; then \
		echo "fyne-check: these packages import Fyne but must not:"; \
		$(GO) list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' ./reconcile/... ./cli/... ./cmd/tradecheck-cli \
			| awk '{for (i = 2; i <= NF; i++) if ($$i ~ /^fyne\.io\//) print "  " $$1 " imports " $$i}'; \
		echo "  (or a package they import does: go list -deps ./reconcile/... | grep fyne.io)"; \
		exit 1; \
	fi

# The engine and the CLI run under the race detector (their tests read,
# merge and write on every core); the rest (the Fyne UI, the hostile-input
# end-to-end tests, the commands) without it.
RACE_PKGS := ./reconcile/... ./cli/...
unit:
	@echo "== go test -race $(RACE_PKGS)"
	$(GO) test -race -count=1 -timeout 25m $(RACE_PKGS)
	@echo "== go test (the other packages)"
	$(GO) test -count=1 -timeout 25m $$($(GO) list ./... | grep -v -e '^tradecheck/reconcile' -e '^tradecheck/cli$$')

# CLI end to end on the samples, with a CLI built exactly as shipped (no cgo).
e2e: cli
	@echo "== CLI end to end on the samples"
	@scripts/e2e-cli.sh $(BIN)/tradecheck-cli $(SAMPLE_SOURCES)

# The smoke test: the real binary under Xvfb, driven by xdotool
# (scripts/smoke.sh). It depends on app so it never drives a stale binary.
smoke: app
	@echo "== smoke test"
	@bash scripts/smoke.sh

# Property test over many random source sets (reconcile/internal/synth):
# every true shipment counted once, totals exact, any file order the same.
SYNTH_SEEDS ?= 200

eval: setup
	@echo "== property test: $(SYNTH_SEEDS) random source sets"
	@# A failing seed is reported (and kept: TRADECHECK_SYNTH_KEEP=DIR) but
	@# does not stop the evaluation on real data below.
	-TRADECHECK_SYNTH_SEEDS=$(SYNTH_SEEDS) $(GO) test -count=1 -timeout 30m -run '^TestSynthCountsOnce$$' ./reconcile/pipeline
	@if [ ! -d "$(EVAL_DATA)" ]; then \
		echo "eval: the evaluation data folder $(EVAL_DATA) does not exist."; \
		echo "      It is not part of the repository (licences). Point EVAL_DATA at it: make eval EVAL_DATA=/path/to/eval-data"; \
		exit 1; \
	fi
	TRADECHECK_EVAL_DATA="$(EVAL_DATA)" $(GO) run ./cmd/tradecheck-eval -data "$(EVAL_DATA)"

bench: setup
	$(GO) test -run='^$$' -bench='$(BENCH)' -benchmem -count=1 -timeout 60m $(BENCHPKG)

# Linux .tar.xz and Windows .exe in dist/ (fyne.io/tools v1.7.4). fyne package
# works on a staged copy, so FyneApp.toml's Build bump never touches the tree.
package:
	@scripts/setup.sh package
	@scripts/package.sh

samples:
	$(GO) run ./samples/gen -o samples

icon:
	$(GO) run ./scripts/icon -o Icon.png

clean:
	rm -rf $(BIN) dist tmp/_package
