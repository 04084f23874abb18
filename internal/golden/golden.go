// Package golden is the one -update flag of every golden-file test and the
// comparison they share: `go test ./... -update` rewrites every golden file
// under testdata/; without it a test fails when its output differs.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Alias registers name as another spelling of -update (the flags that
// rewrote one package's goldens before there was one flag).
func Alias(name string) {
	flag.BoolVar(update, name, false, "the same as -update")
}

// Updating reports whether -update was given.
func Updating() bool { return *update }

// Check compares got with the golden file at path, or rewrites it (creating
// its directory) under -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run '%s' -update creates it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file (go test -run '%s' -update to accept):\n--- got\n%s\n--- want\n%s",
			path, t.Name(), got, want)
	}
}
