package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/read"
)

// reviewHeader is the header of the file `match --review` writes. The
// user fills in the decision column (in Excel or any editor) and gives the
// file back with --decisions.
var reviewHeader = []string{"name_a", "name_b", "score", "reasons", "cluster_a", "cluster_b", "decision"}

// writeReview writes the pairs for review, best first, with the names
// exactly as in the input (trimmed) and the entity each is in now.
func writeReview(path string, res *match.Result) error {
	var buf bytes.Buffer
	w, write := safeCSV(&buf)
	write(reviewHeader)
	for _, p := range res.Review {
		a, b := res.Mentions[p.A], res.Mentions[p.B]
		write([]string{a.Name, b.Name, strconv.FormatFloat(p.Score, 'f', 2, 64), strings.Join(p.Reasons, "; "),
			res.Entities[res.EntityOf[p.A]].ID, res.Entities[res.EntityOf[p.B]].ID, ""})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return &reconcile.Error{File: path, Err: err}
	}
	return fileio.WriteFile(path, buf.Bytes())
}

// decisionWords maps what a user may write in the decision column to a
// decision op; "" means no decision yet.
var decisionWords = map[string]string{
	"": "", "?": "", "skip": "", "later": "",
	"same": match.OpConfirm, "yes": match.OpConfirm, "y": match.OpConfirm, "confirm": match.OpConfirm,
	"merge": match.OpConfirm, "1": match.OpConfirm, "true": match.OpConfirm, "x": match.OpConfirm,
	"not_same": match.OpNotSame, "not same": match.OpNotSame, "different": match.OpNotSame,
	"no": match.OpNotSame, "n": match.OpNotSame, "0": match.OpNotSame, "false": match.OpNotSame,
}

// readDecisionsFile reads decisions for match: a JSON decisions log
// (match.WriteDecisions), or a CSV or workbook with the review file's
// columns name_a, name_b and decision (the first sheet that has them).
func readDecisionsFile(path string) ([]match.Decision, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check the path given to --decisions"}
	}
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		ds, err := match.ReadDecisions(bytes.NewReader(data))
		if err != nil {
			return nil, &reconcile.Error{File: path, Err: err, Hint: "a decisions log is a JSON array as the app writes it"}
		}
		return ds, nil
	}
	wb, err := read.Open(path, read.Options{})
	if err != nil {
		return nil, err
	}
	sheets := []string{""}
	if wb.Format() != "csv" {
		sheets = wb.Sheets()
	}
	wb.Close()
	for _, sh := range sheets {
		ds, found, err := decisionsFromSheet(path, sh)
		if err != nil || found {
			return ds, err
		}
	}
	return nil, &reconcile.Error{File: path, Err: errors.New("no sheet with the columns name_a, name_b and decision"),
		Hint: "give back the file `match --review` wrote, with the decision column filled in (same / not_same)"}
}

// decisionsFromSheet reads one sheet; found is false when its first
// non-blank row is not a header with name_a, name_b and decision.
func decisionsFromSheet(path, sheet string) (ds []match.Decision, found bool, err error) {
	col := map[string]int{}
	now := time.Now().UTC()
	errStop := errors.New("stop")
	err = read.EachRow(context.Background(), path, sheet, read.Options{}, func(row int, cells []string) error {
		if len(col) == 0 {
			blank := true
			for i, c := range cells {
				c = strings.ToLower(strings.TrimSpace(c))
				if c != "" {
					blank = false
					col[c] = i
				}
			}
			if blank {
				return nil
			}
			for _, need := range []string{"name_a", "name_b", "decision"} {
				if _, ok := col[need]; !ok {
					return errStop
				}
			}
			found = true
			return nil
		}
		word := strings.ToLower(strings.TrimSpace(matchCell(cells, col["decision"])))
		op, ok := decisionWords[word]
		if !ok {
			return &reconcile.Error{File: path, Sheet: sheet, Row: row, Column: col["decision"] + 1,
				Err:  fmt.Errorf("unknown decision %q", word),
				Hint: "write same (one firm) or not_same (two firms), or leave it blank to decide later"}
		}
		a, b := unneutralise(matchCell(cells, col["name_a"])), unneutralise(matchCell(cells, col["name_b"]))
		if op == "" {
			return nil
		}
		if a == "" || b == "" {
			return &reconcile.Error{File: path, Sheet: sheet, Row: row, Column: col["name_a"] + 1,
				Err: errors.New("a decision without both names"), Hint: "keep name_a and name_b as the review file wrote them"}
		}
		ds = append(ds, match.Decision{Op: op, Name: a, Other: b, Time: now, Note: fmt.Sprintf("%s row %d", path, row)})
		return nil
	})
	if errors.Is(err, errStop) {
		return nil, false, nil
	}
	return ds, found, err
}

// unneutralise undoes neutraliseCell on a name read back, and trims it as
// match trims the names it reads.
func unneutralise(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}
