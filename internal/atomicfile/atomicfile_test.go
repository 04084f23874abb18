package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteInstallsWholeFileOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := WriteBytes(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half of the second")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Fatalf("a failed write changed the file to %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporaries left behind: %v", entries)
	}
}

func TestFilesCommitAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	var fs Files
	fs.Add(filepath.Join(dir, "a"), []byte("a"))
	fs.Add(filepath.Join(dir, "b"), []byte("b"))
	if err := fs.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a", "b"} {
		if got, _ := os.ReadFile(filepath.Join(dir, n)); string(got) != n {
			t.Fatalf("%s holds %q", n, got)
		}
	}

	// A file that cannot be written (its directory does not exist) stops the
	// whole set before anything is renamed into place.
	var bad Files
	bad.Add(filepath.Join(dir, "a"), []byte("new a"))
	bad.Add(filepath.Join(dir, "missing", "c"), []byte("c"))
	if err := bad.Commit(); err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a")); string(got) != "a" {
		t.Fatalf("a failed set replaced a with %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("temporaries left behind: %v", entries)
	}
}
