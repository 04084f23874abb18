package main

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimelineWritesAPNG: every built-in scenario draws, at the size asked
// for, and the command says what it drew.
func TestTimelineWritesAPNG(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		w, h int
		says string
	}{
		{[]string{"ios6-voip-lte"}, 1600, 900, "the first break ± 1h"},
		{[]string{"ios6-voip-wifi-nat", "-interval", "25m", "-size", "1200x700"}, 1200, 700, "(the first break ± 1h)"},
		{[]string{"ios7-voip-3g", "-rep", "3", "-from", "26h"}, 1600, 900, "26:00:00 to 32:00:00 (the window asked for)"},
		{[]string{"always-awake-mqtt", "-to", "2h", "-size", "2000x1000"}, 2000, 1000, "0:00:00 to 2:00:00"},
		// Past the horizon: the drain, then the end of the run.
		{[]string{"ios6-voip-wifi-nat", "-interval", "25m", "-horizon", "1d", "-from", "23h", "-to", "24h30m"}, 1600, 900, "23:00:00 to 24:30:00"},
	} {
		file := filepath.Join(dir, c.args[0]+".png")
		code, out, errs := pingtune(t, append([]string{"timeline", "-o", file}, c.args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		if !strings.Contains(out, c.says) {
			t.Errorf("%v: says %q, want %q in it", c.args, out, c.says)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%v: %dx%d, want %dx%d", c.args, b.Dx(), b.Dy(), c.w, c.h)
		}
	}
}
