package hostile_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"tradecheck/cli"
	"tradecheck/internal/testenv"
	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
)

// TestMain lets a test re-run this binary as the CLI, in another process
// (concurrent runs) or as another user (a read-only folder honestly
// refuses writes only to someone who is not root).
func TestMain(m *testing.M) {
	if os.Getenv("HOSTILE_RUN_CLI") == "1" {
		os.Exit(cli.Main())
	}
	// Off the user's saved column mappings (the CLI reads them from
	// os.UserConfigDir()), so no test depends on this machine's settings.
	dir, err := os.MkdirTemp("", "tradecheck-hostile-config")
	if err != nil {
		panic(err)
	}
	// Searchable by the other user some tests run the CLI as: a folder it
	// cannot enter would make the CLI warn that its mappings are unreadable.
	os.Chmod(dir, 0o755)
	os.Setenv("XDG_CONFIG_HOME", dir) // Linux
	os.Setenv("HOME", dir)            // macOS: ~/Library/Application Support
	os.Setenv("AppData", dir)         // Windows
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cliProcess runs the CLI in a child process; cred, when set, runs it as
// that user.
func cliProcess(t *testing.T, exe string, cred *syscall.Credential, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "HOSTILE_RUN_CLI=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), out.String(), errb.String()
	}
	if err != nil {
		t.Fatalf("running the CLI: %v", err)
	}
	return 0, out.String(), errb.String()
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return fmt.Sprintf("%x", s)
}

// leftovers lists files in dir other than keep (temp files left behind).
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
next:
	for _, e := range ents {
		for _, k := range keep {
			if e.Name() == k {
				continue next
			}
		}
		out = append(out, e.Name())
	}
	return out
}

// runResult reads one small source for the write tests.
func runResult(t *testing.T, in string) *pipeline.Result {
	t.Helper()
	res, err := pipeline.Run(context.Background(), pipeline.NewProject(in), nil)
	if err != nil || len(res.Errors()) != 0 {
		t.Fatalf("pipeline.Run: %v %v", err, res.Errors())
	}
	return res
}

// TestOutputUnwritable: an output folder that cannot be written leaves the
// previous output intact and says what happened.
func TestOutputUnwritable(t *testing.T) {
	t.Run("parent is a file", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 3)
		notDir := filepath.Join(dir, "report.txt")
		writeBytes(t, notDir, []byte("a file, not a folder"))
		out := filepath.Join(notDir, "out.xlsx")
		code, _, stderr := runCLI("reconcile", "-o", out, in)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		checkMessage(t, stderr, out, "output folder")
		if b, _ := os.ReadFile(notDir); string(b) != "a file, not a folder" {
			t.Errorf("the file in the way was changed to %q", b)
		}
		names := filepath.Join(dir, "names.csv")
		writeBytes(t, names, []byte("name\nOOO TEKHKRIM\n"))
		csvOut := filepath.Join(notDir, "out.csv")
		code, _, stderr = runCLI("match", "-o", csvOut, names)
		if code != 1 {
			t.Errorf("match exit %d, want 1", code)
		}
		checkMessage(t, stderr, csvOut, "folder")
	})
	t.Run("folder missing", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 3)
		out := filepath.Join(dir, "no-such-folder", "out.xlsx")
		code, _, stderr := runCLI("reconcile", "-o", out, in)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		checkMessage(t, stderr, out, "does not exist")
	})
	t.Run("read-only folder, as a normal user", func(t *testing.T) {
		dir := t.TempDir()
		roDir := filepath.Join(dir, "ro")
		os.Mkdir(roDir, 0o755)
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 3)
		prev := filepath.Join(roDir, "out.xlsx")
		writeBytes(t, prev, []byte("previous output"))
		if err := os.Chmod(roDir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(roDir, 0o755) })
		var code int
		var stderr string
		if os.Geteuid() != 0 {
			code, _, stderr = runCLI("reconcile", "-o", prev, in)
		} else {
			// Root ignores permission bits: run the CLI as nobody, from a
			// copy of this test binary that nobody may execute.
			exe, err := os.Executable()
			if err != nil {
				t.Fatal(err)
			}
			for d := dir; d != "/" && d != os.TempDir(); d = filepath.Dir(d) {
				os.Chmod(d, 0o755)
			}
			for d := os.TempDir(); ; d = filepath.Dir(d) {
				if fi, err := os.Stat(d); err != nil || fi.Mode().Perm()&0o001 == 0 {
					testenv.Skip(t, d+" is closed to other users, so the CLI cannot run as nobody here")
				}
				if d == "/" {
					break
				}
			}
			bin := filepath.Join(dir, "hostile.test")
			copyFile(t, exe, bin, 0o755)
			os.Chmod(in, 0o644)
			var out string
			code, out, stderr = cliProcess(t, bin, &syscall.Credential{Uid: 65534, Gid: 65534}, "reconcile", "-o", prev, in)
			if code == 0 {
				t.Fatalf("the CLI as nobody wrote into a read-only folder: %s", out)
			}
		}
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		checkMessage(t, stderr, prev, "read-only", "previous file")
		t.Logf("as uid %d: %s", map[bool]int{true: 65534, false: os.Geteuid()}[os.Geteuid() == 0], strings.TrimSpace(stderr))
		if b, _ := os.ReadFile(prev); string(b) != "previous output" {
			t.Errorf("previous output changed to %.40q", b)
		}
		if l := leftovers(t, roDir, "out.xlsx"); len(l) != 0 {
			t.Errorf("files left in the folder: %v", l)
		}
	})
	t.Run("read-only file system", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 3)
		mnt := filepath.Join(dir, "mnt")
		os.Mkdir(mnt, 0o755)
		mountTmpfs(t, mnt, "size=1m")
		prev := filepath.Join(mnt, "out.xlsx")
		writeBytes(t, prev, []byte("previous output"))
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, "size=1m"); err != nil {
			testenv.Skip(t, "cannot remount read-only: "+err.Error())
		}
		code, _, stderr := runCLI("reconcile", "-o", prev, in)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		checkMessage(t, stderr, prev, "read-only", "previous file")
		if b, _ := os.ReadFile(prev); string(b) != "previous output" {
			t.Errorf("previous output changed to %.40q", b)
		}
	})
	t.Run("disk full", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 300)
		mnt := filepath.Join(dir, "mnt")
		os.Mkdir(mnt, 0o755)
		mountTmpfs(t, mnt, "size=64k")
		prev := filepath.Join(mnt, "out.xlsx")
		writeBytes(t, prev, []byte("previous output"))
		// Fill the rest of the disk but a few KiB.
		fill, err := os.Create(filepath.Join(mnt, "filler"))
		if err != nil {
			t.Fatal(err)
		}
		fill.Write(make([]byte, 40<<10))
		fill.Close()
		res := runResult(t, in)
		err = pipeline.WriteWorkbook(context.Background(), res, prev, nil)
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("WriteWorkbook on a full disk: %v, want ENOSPC", err)
		}
		var re *reconcile.Error
		if !errors.As(err, &re) || re.File != prev || !strings.Contains(re.Hint, "disk is full") {
			t.Errorf("error %q, want a *reconcile.Error naming %s saying the disk is full", err, prev)
		}
		if b, _ := os.ReadFile(prev); string(b) != "previous output" {
			t.Errorf("previous output changed to %.40q", b)
		}
		if l := leftovers(t, mnt, "out.xlsx", "filler"); len(l) != 0 {
			t.Errorf("temp files left on the full disk: %v", l)
		}
		code, _, stderr := runCLI("reconcile", "-o", prev, in)
		if code != 1 {
			t.Errorf("CLI exit %d, want 1", code)
		}
		checkMessage(t, stderr, prev, "disk is full")
	})
	t.Run("canceled mid-write", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 6000)
		res := runResult(t, in)
		prev := filepath.Join(dir, "out.xlsx")
		writeBytes(t, prev, []byte("previous output"))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		err := pipeline.WriteWorkbook(ctx, res, prev, func(p pipeline.Progress) {
			if p.Stage == pipeline.StageWrite && p.Done > 0 {
				calls++
				cancel()
			}
		})
		if calls == 0 {
			t.Fatal("no write progress was reported; cannot cancel mid-write")
		}
		if !errors.Is(err, reconcile.ErrCanceled) {
			t.Errorf("canceled write: %v, want ErrCanceled", err)
		}
		if b, _ := os.ReadFile(prev); string(b) != "previous output" {
			t.Errorf("previous output changed to %.40q", b)
		}
		if l := leftovers(t, dir, "out.xlsx", "in.xlsx"); len(l) != 0 {
			t.Errorf("temp files left behind: %v", l)
		}
	})
}

func copyFile(t *testing.T, src, dst string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// mountTmpfs mounts a small tmpfs at dir for the test, or skips (fails
// under CI=true): only a
// privileged user can mount, and there is no other honest way to make a
// folder's disk full.
func mountTmpfs(t *testing.T, dir, opts string) {
	t.Helper()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, opts); err != nil {
		testenv.Skip(t, "cannot mount a tmpfs here ("+err.Error()+"): needs root with CAP_SYS_ADMIN")
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
}

// TestNeverOverwriteInput: -o naming an input is refused however the path
// is spelled, and the input is unchanged.
func TestNeverOverwriteInput(t *testing.T) {
	dir := t.TempDir()
	in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 3)
	csvIn := filepath.Join(dir, "names.csv")
	writeBytes(t, csvIn, []byte("name\nOOO TEKHKRIM\nTekhkrim LLC\n"))
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.xlsx")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	t.Chdir(dir)
	sum, csvSum := fileSum(t, in), fileSum(t, csvIn)
	spellings := []struct{ name, out string }{
		{"same path", in},
		{"dot slash", "./in.xlsx"},
		{"relative", "in.xlsx"},
		{"dot dot", "sub/../in.xlsx"},
		{"double slash", dir + "//in.xlsx"},
		{"symlink", link},
		{"hard link", hard},
	}
	for _, sp := range spellings {
		t.Run(sp.name, func(t *testing.T) {
			code, _, stderr := runCLI("reconcile", "-o", sp.out, in)
			if code != cli.ExitUsage {
				t.Errorf("reconcile -o %s: exit %d, want %d (wrong usage)", sp.out, code, cli.ExitUsage)
			}
			if !strings.Contains(stderr, "input") || !strings.Contains(stderr, sp.out) {
				t.Errorf("stderr %q, want a message naming %s as an input", stderr, sp.out)
			}
			res := runResult(t, in)
			err := pipeline.WriteWorkbook(context.Background(), res, sp.out, nil)
			if !errors.Is(err, reconcile.ErrOverwrite) {
				t.Errorf("WriteWorkbook(%s): %v, want ErrOverwrite", sp.out, err)
			}
			if got := fileSum(t, in); got != sum {
				t.Fatalf("input changed")
			}
		})
	}
	t.Run("match -o input", func(t *testing.T) {
		for _, out := range []string{csvIn, "./names.csv", "sub/../names.csv"} {
			code, _, stderr := runCLI("match", "-o", out, csvIn)
			if code != cli.ExitInput {
				t.Errorf("match -o %s: exit %d, want %d", out, code, cli.ExitInput)
			}
			if !strings.Contains(stderr, "overwrite an input") {
				t.Errorf("match -o %s: stderr %q, want it to refuse overwriting the input", out, stderr)
			}
		}
		if got := fileSum(t, csvIn); got != csvSum {
			t.Fatalf("input CSV changed")
		}
	})
	t.Run("symlinked folder", func(t *testing.T) {
		alias := filepath.Join(t.TempDir(), "alias")
		if err := os.Symlink(dir, alias); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(alias, "in.xlsx")
		code, _, _ := runCLI("reconcile", "-o", out, in)
		if code == 0 {
			t.Errorf("reconcile -o %s (the input through a folder symlink) succeeded", out)
		}
		if got := fileSum(t, in); got != sum {
			t.Fatalf("input changed")
		}
	})
}

// TestConcurrentRuns: runs started together in one folder with the
// default output name each get their own complete workbook.
func TestConcurrentRuns(t *testing.T) {
	const n = 6
	check := func(t *testing.T, dir string, outs []string) {
		t.Helper()
		seen := map[string]bool{}
		for _, o := range outs {
			if o == "" {
				continue
			}
			if seen[o] {
				t.Errorf("two runs wrote %s", o)
			}
			seen[o] = true
			if _, err := pipeline.OpenExported(context.Background(), o, nil); err != nil {
				t.Errorf("%s is not a complete audit workbook: %v", o, err)
			}
		}
		if len(seen) != n {
			t.Errorf("%d distinct outputs from %d runs: %v", len(seen), n, outs)
		}
		var xlsx []string
		for _, name := range leftovers(t, dir, "in.xlsx", "hostile.test") {
			if !strings.HasPrefix(name, "reconciled-") || !strings.HasSuffix(name, ".xlsx") {
				t.Errorf("stray file %s", name)
			}
			xlsx = append(xlsx, name)
		}
		if len(xlsx) != n {
			t.Errorf("%d workbooks in the folder, want %d: %v", len(xlsx), n, xlsx)
		}
	}
	wrote := func(stdout string) string {
		for _, l := range strings.Split(stdout, "\n") {
			if p, ok := strings.CutPrefix(l, "wrote "); ok {
				return p
			}
		}
		return ""
	}
	t.Run("goroutines", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 50)
		outs := make([]string, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				code, stdout, stderr := runCLI("reconcile", in)
				if code != 0 {
					t.Errorf("run %d: exit %d %s", i, code, stderr)
				}
				outs[i] = wrote(stdout)
			}()
		}
		wg.Wait()
		check(t, dir, outs)
	})
	t.Run("processes", func(t *testing.T) {
		dir := t.TempDir()
		in := writeXLSX(t, filepath.Join(dir, "in.xlsx"), 50)
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		outs := make([]string, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				code, stdout, stderr := cliProcess(t, exe, nil, "reconcile", in)
				if code != 0 {
					t.Errorf("process %d: exit %d %s", i, code, stderr)
				}
				outs[i] = wrote(stdout)
			}()
		}
		wg.Wait()
		check(t, dir, outs)
	})
}

// TestAwkwardFileNames: input names become sheet names in the audit
// workbook; names Excel cannot take as they are (over 31 UTF-16 units with
// emoji, brackets, quotes, a name like a fixed sheet) still give a
// complete workbook.
func TestAwkwardFileNames(t *testing.T) {
	dir := t.TempDir()
	names := []string{
		strings.Repeat("📦", 18) + " export.xlsx",
		"'[Q1] exports: ООО «Техкрим» \\ 2022?*'.xlsx",
		"Summary.xlsx",
		strings.Repeat("долгое имя ", 6) + ".xlsx",
	}
	var paths []string
	for _, n := range names {
		paths = append(paths, writeXLSX(t, filepath.Join(dir, n), 2))
	}
	out := filepath.Join(dir, "out.xlsx")
	code, _, stderr := runCLI(append([]string{"reconcile", "-o", out}, paths...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := pipeline.OpenExported(context.Background(), out, nil); err != nil {
		t.Errorf("the audit workbook does not read back: %v", err)
	}
}
