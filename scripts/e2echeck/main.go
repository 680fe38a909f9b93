// Command e2echeck asserts the shape of the CLI's JSON output in the
// end-to-end run (scripts/e2e-cli.sh), so the run needs nothing but Go.
//
//	go run ./scripts/e2echeck inspect OUT.json FILE...
//
// For inspect it checks: one object per file, in order, none with an error;
// each file has a sheet with a header row, data rows and the columns a
// shipment needs (consignee, shipper, a weight, a date) mapped.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type column struct {
	Index  int    `json:"index"`
	Header string `json:"header"`
	Field  string `json:"field"`
}

type sheet struct {
	Name      string         `json:"name"`
	HeaderRow int            `json:"header_row"`
	Rows      int            `json:"rows"`
	Skipped   map[string]int `json:"skipped"`
	Columns   []column       `json:"columns"`
	Warnings  []any          `json:"warnings"`
}

type file struct {
	File   string  `json:"file"`
	Error  string  `json:"error"`
	Sheets []sheet `json:"sheets"`
}

func main() {
	if len(os.Args) < 4 || os.Args[1] != "inspect" {
		fmt.Fprintln(os.Stderr, "usage: e2echeck inspect OUT.json FILE...")
		os.Exit(2)
	}
	if err := checkInspect(os.Args[2], os.Args[3:]); err != nil {
		fmt.Fprintln(os.Stderr, "e2echeck:", err)
		os.Exit(1)
	}
}

func checkInspect(path string, want []string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var files []file
	if err := json.Unmarshal(data, &files); err != nil {
		// One file may be printed as a single object.
		var one file
		if err2 := json.Unmarshal(data, &one); err2 != nil || len(want) != 1 {
			return fmt.Errorf("inspect --json is not a JSON array of files: %v", err)
		}
		files = []file{one}
	}
	if len(files) != len(want) {
		return fmt.Errorf("got %d file objects, want %d (%s)", len(files), len(want), strings.Join(want, ", "))
	}
	var problems []string
	for i, f := range files {
		if !strings.HasSuffix(f.File, baseName(want[i])) {
			problems = append(problems, fmt.Sprintf("object %d is %q, want %s", i, f.File, want[i]))
			continue
		}
		if f.Error != "" {
			problems = append(problems, fmt.Sprintf("%s: error %q", f.File, f.Error))
			continue
		}
		if p := checkFile(f); p != "" {
			problems = append(problems, f.File+": "+p)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("inspect --json:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// checkFile wants one sheet that reads as a shipment table.
func checkFile(f file) string {
	var why []string
	for _, s := range f.Sheets {
		fields := map[string]bool{}
		for _, c := range s.Columns {
			fields[c.Field] = true
		}
		var missing []string
		for _, need := range []string{"consignee", "shipper", "date", "hs_code"} {
			if !fields[need] {
				missing = append(missing, need)
			}
		}
		if !fields["net_weight"] && !fields["gross_weight"] {
			missing = append(missing, "net_weight|gross_weight")
		}
		switch {
		case s.HeaderRow <= 0:
			why = append(why, fmt.Sprintf("sheet %q: no header row", s.Name))
		case s.Rows <= 0:
			why = append(why, fmt.Sprintf("sheet %q: no data rows", s.Name))
		case len(missing) > 0:
			why = append(why, fmt.Sprintf("sheet %q: fields not mapped: %s", s.Name, strings.Join(missing, ", ")))
		default:
			return ""
		}
	}
	if len(why) == 0 {
		return "no sheets"
	}
	return "no sheet reads as a shipment table: " + strings.Join(why, "; ")
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
