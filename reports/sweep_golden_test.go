package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateSweep = flag.Bool("update-sweep", false, "rewrite reports/testdata/sweep/*.golden")

// goldenSweep compares got with testdata/sweep/name, or rewrites it.
func goldenSweep(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "sweep", name)
	if *updateSweep {
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
		t.Fatalf("%v (go test ./reports -run %s -update-sweep creates it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file (go test ./reports -run %s -update-sweep to accept):\n--- got\n%s", path, t.Name(), got)
	}
}

// The shape of results.json users script against.
func TestSweepJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSweepJSON(&b, fixture(t, true, fixtureReqs...)); err != nil {
		t.Fatal(err)
	}
	goldenSweep(t, "results.json.golden", b.Bytes())
}

func TestSweepCSVGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSweepCSV(&b, fixture(t, true, fixtureReqs...).Result); err != nil {
		t.Fatal(err)
	}
	goldenSweep(t, "results.csv.golden", b.Bytes())
}

func TestSweepSummaryGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSweepSummary(&b, fixture(t, true, fixtureReqs...), "out", []string{"results.json", "report.md"}); err != nil {
		t.Fatal(err)
	}
	goldenSweep(t, "summary.txt.golden", b.Bytes())
}

func TestSweepReportMarkdownGolden(t *testing.T) {
	goldenSweep(t, "report.md.golden", fixtureFile(t, "report.md"))
}
