package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"time"

	"tradecheck/reconcile/fileio"
)

// projectStore keeps autosaved projects and the recent-projects list in a
// folder: one JSON file per project plus recent.json. Projects are opaque
// JSON here; the pipeline owns their shape.
type projectStore struct {
	dir string
}

// recentProject is one entry of the recent-projects list.
type recentProject struct {
	ID    string    `json:"id"`
	Title string    `json:"title"`
	Saved time.Time `json:"saved"`
}

const maxRecent = 10

func newProjectStore(dir string) *projectStore { return &projectStore{dir: dir} }

// projectID derives a stable ID for a project from the identity of its
// sources, so reopening the same files continues the same project.
func projectID(keys []string) string {
	ks := append([]string(nil), keys...)
	sort.Strings(ks)
	h := sha256.New()
	for _, k := range ks {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func (s *projectStore) path(id string) string {
	return filepath.Join(s.dir, "projects", id+".json")
}

// save writes a project atomically and moves it to the top of the recent
// list.
func (s *projectStore) save(id, title string, project []byte) error {
	if err := writeFileAtomic(s.path(id), project); err != nil {
		return err
	}
	recent, _ := s.recent()
	out := []recentProject{{ID: id, Title: title, Saved: time.Now().UTC()}}
	for _, r := range recent {
		if r.ID != id && len(out) < maxRecent {
			out = append(out, r)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(s.dir, "recent.json"), b)
}

// forget drops a project from the recent list (its file stays, so
// opening the same files again still finds it).
func (s *projectStore) forget(id string) error {
	recent, err := s.recent()
	if err != nil {
		return err
	}
	out := recent[:0]
	for _, r := range recent {
		if r.ID != id {
			out = append(out, r)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(s.dir, "recent.json"), b)
}

// load returns a saved project's JSON.
func (s *projectStore) load(id string) ([]byte, error) {
	return os.ReadFile(s.path(id))
}

// recent lists saved projects, newest first, leaving out any whose file
// has gone.
func (s *projectStore) recent() ([]recentProject, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, "recent.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var list []recentProject
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, err
	}
	out := list[:0]
	for _, r := range list {
		if _, err := os.Stat(s.path(r.ID)); err == nil {
			out = append(out, r)
		}
	}
	return out, nil
}

// writeFileAtomic makes the folder if needed, then writes data atomically,
// so a crash never leaves a half-written project.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return fileio.WriteFile(path, data)
}
