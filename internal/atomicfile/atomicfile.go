// Package atomicfile writes files so that readers see either the old file or
// the complete new one, never a partial one: the data goes to a temporary file
// in the same directory, is synced, and is renamed over the target.
package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write calls fill with a writer and installs what it wrote at path. If fill
// fails, nothing at path changes and the temporary file is removed.
func Write(path string, fill func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("install %s: %w", path, err)
	}
	return nil
}

// WriteBytes installs data at path atomically.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// Files is a set of files to install together: each is written to a
// temporary name first, and only when all are written are they renamed into
// place. If any write fails, every temporary is removed and nothing changes.
type Files struct {
	names []string
	data  [][]byte
}

// Add queues data for path.
func (fs *Files) Add(path string, data []byte) {
	fs.names = append(fs.names, path)
	fs.data = append(fs.data, data)
}

// Commit writes every queued file, then renames them all into place.
func (fs *Files) Commit() error {
	tmps := make([]string, 0, len(fs.names))
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for i, path := range fs.names {
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		f, err := os.CreateTemp(dir, "."+base+".tmp-*")
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, f.Name())
		_, err = f.Write(fs.data[i])
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(f.Name(), 0o644)
		}
		if err != nil {
			cleanup()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	for i, path := range fs.names {
		if err := os.Rename(tmps[i], path); err != nil {
			cleanup()
			return fmt.Errorf("install %s: %w", path, err)
		}
	}
	return nil
}
