package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runScreenCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errb}, append([]string{"screen"}, args...))
	return code, out.String(), errb.String()
}

// The lists are the screening package's synthetic fixtures.
var (
	ofacDir = filepath.Join("..", "reconcile", "screen", "testdata", "ofac")
	ukList  = filepath.Join("..", "reconcile", "screen", "testdata", "uk", "ConList.csv")
)

const screenShipments = "Date,Consignee,Shipper,Country of origin,Country of destination,HS code,Description,Net weight kg,Value USD\n" +
	"2022-06-01,OOO TEKHKRIM,NORTHWIND TRADING LTD,CN,RU,854231,Microcontrollers,120,50000\n" +
	"2022-06-03,ООО «Техкрим»,NORTHWIND TRADING LTD,CN,RU,854231,Microcontrollers,80,30000\n" +
	"2022-06-05,BELLETECH CORP,АО Корвет,CN,RU,848210,Ball bearings,500,9000\n" +
	"2022-06-07,VEGA TRADING LLC,ALMAZPROM UKRAINE,CN,RU,848210,Ball bearings,400,7000\n"

func TestScreenCommand(t *testing.T) {
	t.Parallel()
	ship := writeCSVFile(t, "shipments.csv", screenShipments)
	namesFile := writeCSVFile(t, "names.csv", "name,inn\n7701234560 ROMASHKA,\nKORSET JSC,\n11420 CORP,\nVostok,7803456788\n")
	tests := []struct {
		name  string
		args  []string
		want  []string // "name|role|list|listed_id|status" rows that must be there
		never []string // names that must not hit
		rows  int      // data rows, -1 to skip
	}{
		{name: "shipment files through the pipeline", args: []string{"--list", ofacDir, "--list", ukList, ship},
			want: []string{
				"OOO TEKHKRIM|consignee|OFAC SDN|101|listed",
				"АО Корвет|shipper|OFAC SDN|107|listed",
				"АО Корвет|shipper|UK OFSI consolidated list|90001|listed",
				"ALMAZPROM UKRAINE|shipper|OFAC SDN|106|review",
			},
			never: []string{"BELLETECH CORP", "VEGA TRADING LLC", "NORTHWIND TRADING LTD"}, rows: -1},
		{name: "a CSV of names, as for match", args: []string{"--list", ofacDir, namesFile},
			want:  []string{"7701234560 ROMASHKA||OFAC SDN|101|listed", "11420 CORP||OFAC SDN|104|listed"},
			never: []string{"KORSET JSC", "Vostok"}, rows: 2},
		{name: "no hits: a header and nothing else", args: []string{"--list", ukList, namesFile}, rows: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runScreenCLI(tt.args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			recs := readOut(t, out)
			if strings.Join(recs[0], ",") != strings.Join(screenHeader, ",") {
				t.Fatalf("header %q", recs[0])
			}
			got := map[string]bool{}
			for _, r := range recs[1:] {
				got[strings.Join([]string{r[1], r[2], r[3], r[4], r[9]}, "|")] = true
				if r[0] == "" || r[6] == "" || r[7] == "" {
					t.Errorf("row without entity, score or reasons: %q", r)
				}
				for _, n := range tt.never {
					if r[1] == n {
						t.Errorf("%s hit %s %s (%s)", n, r[3], r[5], r[7])
					}
				}
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("no row %s in\n%s", w, out)
				}
			}
			if tt.rows >= 0 && len(recs)-1 != tt.rows {
				t.Errorf("%d rows, want %d:\n%s", len(recs)-1, tt.rows, out)
			}
			if !strings.Contains(errs, "names screened against") {
				t.Errorf("no summary on stderr:\n%s", errs)
			}
		})
	}
}

func TestScreenSameEntity(t *testing.T) {
	t.Parallel()
	// Two spellings of one firm are one entity: same entity_id, one row
	// per listed entry.
	ship := writeCSVFile(t, "shipments.csv", screenShipments)
	_, out, _ := runScreenCLI("--list", ofacDir, ship)
	ids := map[string]int{}
	for _, r := range readOut(t, out)[1:] {
		if r[4] == "101" {
			ids[r[0]]++
		}
	}
	if len(ids) != 1 {
		t.Fatalf("OFAC 101 hit by entities %v, want one entity in one row", ids)
	}
	for _, n := range ids {
		if n != 1 {
			t.Errorf("%d rows for one entity and one listed entry, want 1", n)
		}
	}
}

func TestScreenDecisionsAndOutput(t *testing.T) {
	t.Parallel()
	ship := writeCSVFile(t, "shipments.csv", screenShipments)
	dir := t.TempDir()
	dec := filepath.Join(dir, "decisions.json")
	os.WriteFile(dec, []byte(`[{"op":"reject","name":"ALMAZPROM UKRAINE","role":"shipper","list":"ofac","listed_id":"106","time":"2026-11-01T00:00:00Z","note":"a Ukrainian bank, not the listed parent"}]`), 0o644)
	outFile := filepath.Join(dir, "hits.csv")
	code, stdout, errs := runScreenCLI("--list", ofacDir, "--decisions", dec, "-o", outFile, ship)
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errs)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range readOut(t, string(b))[1:] {
		if r[4] == "106" {
			found = true
			if r[9] != "rejected" || !strings.Contains(r[7], "not the listed parent") {
				t.Errorf("decided row %q", r)
			}
		}
	}
	if !found {
		t.Error("the rejected hit is not in the output (it stays, marked, for the audit trail)")
	}
}

func TestScreenErrors(t *testing.T) {
	t.Parallel()
	ship := writeCSVFile(t, "shipments.csv", screenShipments)
	notList := writeCSVFile(t, "notlist.csv", "a,b\n1,2\n")
	badDec := writeCSVFile(t, "d.json", `[{"op":"maybe"}]`)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{name: "no list", args: []string{ship}, code: ExitUsage, msg: "--list"},
		{name: "no input", args: []string{"--list", ofacDir}, code: ExitUsage, msg: "INPUT"},
		{name: "bad threshold", args: []string{"--list", ofacDir, "--threshold", "2", ship}, code: ExitUsage, msg: "--threshold"},
		{name: "bad decisions", args: []string{"--list", ofacDir, "--decisions", badDec, ship}, code: ExitUsage, msg: "decision"},
		{name: "output over an input", args: []string{"--list", ofacDir, "-o", ship, ship}, code: ExitUsage, msg: "never overwritten"},
		{name: "the only list unreadable", args: []string{"--list", notList, ship}, code: ExitInput, msg: "not a sanctions list"},
		{name: "one list unreadable, the other used", args: []string{"--list", notList, "--list", ofacDir, ship}, code: ExitInput, msg: "names screened against"},
		{name: "alt.csv alone", args: []string{"--list", filepath.Join(ofacDir, "alt.csv"), ship}, code: ExitInput, msg: "needs the sdn.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runScreenCLI(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("exit %d, want %d; stderr should mention %q:\n%s", code, tt.code, tt.msg, errs)
			}
		})
	}
}
