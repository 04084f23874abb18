package scenarios

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingtune/internal/golden"
)

// TestBad parses each testdata/bad/NAME.yaml and compares the error, one
// line per *Error, with testdata/bad/NAME.err.
func TestBad(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("only %d bad cases", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			s, err := Parse(filepath.Base(file), data)
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if err == nil {
				t.Fatalf("parsed without error: %+v", s.Config)
			}
			checkErrors(t, err)
			got := err.Error() + "\n"
			golden.Check(t, strings.TrimSuffix(file, ".yaml")+".err", []byte(got))
		})
	}
}

// checkErrors checks that err joins *Error values only, at most 11, sorted.
func checkErrors(t *testing.T, err error) {
	t.Helper()
	errs := flatten(err)
	if len(errs) > maxErrors+1 {
		t.Errorf("%d errors, want at most %d", len(errs), maxErrors+1)
	}
	last := Error{}
	for _, e := range errs {
		var se *Error
		if !errors.As(e, &se) {
			t.Errorf("%T is not an *Error: %v", e, e)
			continue
		}
		if se.Line < last.Line || se.Line == last.Line && se.Col < last.Col {
			t.Errorf("not sorted by position: %v after %v", se, &last)
		}
		last = *se
	}
}

func TestTooBig(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("app: {heartbeat: {interval: 10m}}\ndescription: |\n")
	for b.Len() <= maxFileSize {
		b.WriteString("  all work and no play makes a very long scenario description\n")
	}
	_, err := Parse("big.yaml", b.Bytes())
	want := "big.yaml: file is " + itoa(b.Len()) + " bytes, over the 1048576-byte (1 MiB) limit for a scenario"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	checkErrors(t, err)

	file := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(file)
	want = file + ": file is " + itoa(b.Len()) + " bytes, over the 1048576-byte (1 MiB) limit for a scenario"
	if err == nil || err.Error() != want {
		t.Errorf("Load: got %v\nwant %s", err, want)
	}
}

func TestTooManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("app: {heartbeat: {interval: 10m}}\n")
	for i := range 15 {
		b.WriteString("unknown" + itoa(i) + ": 1\n")
	}
	_, err := Parse("many.yaml", []byte(b.String()))
	errs := flatten(err)
	if len(errs) != maxErrors+1 {
		t.Fatalf("%d errors, want %d:\n%v", len(errs), maxErrors+1, err)
	}
	if got, want := errs[maxErrors].Error(), "many.yaml:12:1: too many errors (5 more)"; got != want {
		t.Errorf("last error %q, want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "x.yaml")
	_, err := Load(missing)
	if err == nil || err.Error() != "open "+missing+": no such file or directory" || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	_, err = Load("ios6-voip")
	want := `"ios6-voip" is not a built-in scenario (did you mean ios6-voip-lte?) nor a file: open ios6-voip: no such file or directory`
	if err == nil || err.Error() != want || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("unknown name: got %v\nwant %s", err, want)
	}
	_, err = Load("nothing-like-it")
	want = `"nothing-like-it" is not a built-in scenario (want always-awake-mqtt, android-doze-wifi, android-fgs-lte, fleet-chat-wifi, fleet-chat-wifi-adaptive, fleet-chat-wifi-probe, ios6-voip-lte, ios6-voip-wifi-nat or ios7-voip-3g) nor a file: open nothing-like-it: no such file or directory`
	if err == nil || err.Error() != want {
		t.Errorf("unknown name: got %v\nwant %s", err, want)
	}
	// A file path is read as given, and names the file in errors.
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("app: {heartbeat: {interval: 10m}}\nhorizon: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(bad)
	want = bad + `:2:10: horizon: missing unit in duration "1" (e.g. 1s; units: d, h, m, s, ms)`
	if err == nil || err.Error() != want {
		t.Errorf("bad file: got %v\nwant %s", err, want)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
