package read

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
)

// MappingStore keeps the user's column overrides per header layout
// (SheetReader.LayoutKey) in a JSON file, so a file with the same header
// row is mapped the same way next time. It is safe for concurrent use.
type MappingStore struct {
	path string
	mu   sync.Mutex
	m    map[string]map[int]ColumnOverride
}

// DefaultMappingPath is os.UserConfigDir()/tradecheck/mappings.json.
func DefaultMappingPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "tradecheck", "mappings.json"), nil
}

// OpenMappingStore loads the store at path; a missing file is an empty
// store. A damaged file is an error (it is not silently overwritten).
func OpenMappingStore(path string) (*MappingStore, error) {
	s := &MappingStore{path: path, m: map[string]map[int]ColumnOverride{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the mappings file can be read"}
	}
	var disk map[string]map[string]ColumnOverride
	if err := json.Unmarshal(data, &disk); err != nil {
		return nil, &reconcile.Error{File: path, Err: fmt.Errorf("%w: %v", reconcile.ErrCorrupt, err), Hint: "fix or delete the saved mappings file"}
	}
	for k, cols := range disk {
		m := map[int]ColumnOverride{}
		for ci, o := range cols {
			i, err := strconv.Atoi(ci)
			if err != nil || i < 0 || i >= MaxColumns {
				continue
			}
			m[i] = o
		}
		s.m[k] = m
	}
	return s, nil
}

// Path returns the file the store saves to.
func (s *MappingStore) Path() string { return s.path }

// Get returns the overrides saved for a layout (nil when none).
func (s *MappingStore) Get(layout string) map[int]ColumnOverride {
	s.mu.Lock()
	defer s.mu.Unlock()
	src := s.m[layout]
	if src == nil {
		return nil
	}
	out := make(map[int]ColumnOverride, len(src))
	for k, v := range src {
		out[k] = v
	}
	return out
}

// Set records the overrides for a layout (an empty map forgets it) and
// saves the store atomically.
func (s *MappingStore) Set(layout string, over map[int]ColumnOverride) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(over) == 0 {
		delete(s.m, layout)
	} else {
		cp := make(map[int]ColumnOverride, len(over))
		for k, v := range over {
			cp[k] = v
		}
		s.m[layout] = cp
	}
	return s.save()
}

func (s *MappingStore) save() error {
	disk := map[string]map[string]ColumnOverride{}
	for k, cols := range s.m {
		m := map[string]ColumnOverride{}
		for i, o := range cols {
			m[strconv.Itoa(i)] = o
		}
		disk[k] = m
	}
	data, err := json.MarshalIndent(disk, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return &reconcile.Error{File: s.path, Err: err, Hint: "check that the settings folder can be written"}
	}
	// fileio's error names the file and says the previous mappings are kept.
	return fileio.WriteFile(s.path, data)
}
