package main

import (
	"bytes"
	"encoding/csv"
	"path/filepath"

	"tradecheck/reconcile/fileio"
	hslists "tradecheck/reconcile/goods"
)

// listFile is the sample sanctions list: a fictional list in
// OpenSanctions' targets.simple.csv layout, so the demo shows hits. No
// entry is a real listing: the firms are the samples' invented ones.
const listFile = "sanctions_list_fictional_ILLUSTRATIVE_list.csv"

// listDataset labels every row of the list as fictional.
const listDataset = "ILLUSTRATIVE sample list - fictional, not a real sanctions list"

// listedFirms are the sample firms the list names (by name, or by INN
// under another name); the other entries are near misses: a sibling
// (ZAVOD-3, never Zavod-1 or Zavod-2), two longer names of shippers that
// score in the review zone, and a person, who is never screened against
// firms.
var listedFirms = []*firm{aerosnab, zavod2}

// listRows are the list's entries. Columns as OpenSanctions writes them.
func listRows() [][]string {
	row := func(id, schema, name, aliases, birth, country, ids, prog, first string) []string {
		return []string{id, schema, name, aliases, birth, country, "", ids, prog, "", "", listDataset, first, "2024-01-01", "2024-01-01"}
	}
	return [][]string{
		{"id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers", "sanctions", "phones", "emails", "dataset", "first_seen", "last_seen", "last_change"},
		row("ILLUSTRATIVE-0001", "Company", "AEROSNAB LIMITED LIABILITY COMPANY", "ООО «Аэроснаб»;AEROSNAB OOO", "", "ru", "", "ILLUSTRATIVE-PROGRAMME-A", "2023-02-24"),
		// Listed under its full Russian name; found by its INN.
		row("ILLUSTRATIVE-0002", "Company", "АКЦИОНЕРНОЕ ОБЩЕСТВО «ЗАВОД-2»", "JOINT STOCK COMPANY PLANT 2", "", "ru", zavod2.INN, "ILLUSTRATIVE-PROGRAMME-A", "2022-05-05"),
		row("ILLUSTRATIVE-0003", "Company", "ZAVOD-3 JSC", "", "", "ru", "", "ILLUSTRATIVE-PROGRAMME-A", "2022-05-05"),
		row("ILLUSTRATIVE-0004", "Company", "STEPPE TRADING HOLDING LLP", "", "", "kz", "", "ILLUSTRATIVE-PROGRAMME-B", "2023-06-23"),
		row("ILLUSTRATIVE-0005", "Company", "NINGBO EASTERN MACHINERY TRADING CO LTD", "", "", "cn", "", "ILLUSTRATIVE-PROGRAMME-B", "2023-06-23"),
		row("ILLUSTRATIVE-0006", "Person", "IVAN ILLUSTRATIVOV", "", "1970-01-01", "ru", "", "ILLUSTRATIVE-PROGRAMME-A", "2023-02-24"),
	}
}

func writeList(dir string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(listRows()); err != nil {
		return err
	}
	return fileio.WriteFile(filepath.Join(dir, listFile), buf.Bytes())
}

func isListed(f *firm) bool {
	for _, l := range listedFirms {
		if l == f {
			return true
		}
	}
	return false
}

// onGoodsList reports whether an HS code is selected by a goods_list
// value such as "chpl" or "chpl:4.B", with the bundled CHPL data.
func onGoodsList(sel, hs string) bool {
	s, err := hslists.ParseSelector(sel, hslists.CHPL())
	if err != nil {
		panic("gen: goods list " + sel + ": " + err.Error())
	}
	return s.Match(hs)
}
