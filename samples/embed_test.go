package samples

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Sources must name exactly the shipment sources in the folder, so the
// app's "Try the sample data" loads all of them and nothing else.
func TestSourcesListsEverySampleSource(t *testing.T) {
	var onDisk []string
	for _, pat := range []string{"*.xlsx", "*.csv"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		onDisk = append(onDisk, m...)
	}
	onDisk = slices.DeleteFunc(onDisk, func(s string) bool { return s == Claims || s == List })
	got := slices.Sorted(slices.Values(Sources))
	slices.Sort(onDisk)
	if !slices.Equal(got, onDisk) {
		t.Errorf("Sources: got %q, want the files on disk %q", got, onDisk)
	}
	for _, name := range append(slices.Clone(Sources), Claims, Expected, List) {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(FS, name)
			if err != nil {
				t.Fatalf("not embedded: %v", err)
			}
			if len(data) == 0 {
				t.Errorf("embedded but empty")
			}
			if !strings.Contains(name, "ILLUSTRATIVE") && name != Claims && name != Expected {
				t.Errorf("file name does not say ILLUSTRATIVE")
			}
		})
	}
}

func TestExpectedIsValidJSON(t *testing.T) {
	data, err := fs.ReadFile(FS, Expected)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Sources []struct {
			File string `json:"file"`
		} `json:"sources"`
		Claims []struct {
			Verdict string `json:"verdict"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if len(v.Sources) != len(Sources) {
		t.Errorf("expected.json: got %d sources, want %d", len(v.Sources), len(Sources))
	}
	if len(v.Claims) == 0 {
		t.Errorf("expected.json: no claims")
	}
}
