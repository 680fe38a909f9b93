package memo

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
)

// WriteDir writes memo.md and memo.html for every claim into dir, and,
// when the memo has more than one claim, memo-<ID>.md and .html for each
// claim, so one verdict can be sent on its own. Every file is written
// atomically; dir is created when missing. It returns the paths written.
func WriteDir(dir string, m *Memo) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &reconcile.Error{File: dir, Err: err, Hint: "give a folder you can write to"}
	}
	var out []string
	write := func(stem string, mm *Memo) error {
		h, err := mm.HTML()
		if err != nil {
			return &reconcile.Error{File: filepath.Join(dir, stem+".html"), Err: err}
		}
		for _, f := range []struct{ ext, data string }{{".md", mm.Markdown()}, {".html", h}} {
			p := filepath.Join(dir, stem+f.ext)
			if err := fileio.WriteFile(p, []byte(f.data)); err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	}
	if err := write("memo", m); err != nil {
		return out, err
	}
	if len(m.Claims) > 1 {
		taken := map[string]bool{"memo": true}
		for i, c := range m.Claims {
			stem := "memo-" + FileSafe(c.ID)
			if taken[stem] {
				// Two IDs that differ only in characters a file name
				// cannot hold: keep both memos.
				stem += "-" + strconv.Itoa(i+1)
			}
			taken[stem] = true
			one := *m
			one.Claims = m.Claims[i : i+1]
			if err := write(stem, &one); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// FileSafe turns a claim ID into a file name part: letters, digits, dot,
// dash and underscore only, so an ID typed as "C1/a" or "../x" cannot
// leave the folder.
func FileSafe(id string) string {
	s := unsafeName.ReplaceAllString(id, "_")
	if s == "" || s == "." || s == ".." {
		s = "claim"
	}
	return s
}
