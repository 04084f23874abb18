package reports

import (
	"bytes"
	"path/filepath"
	"testing"

	"pingtune/internal/golden"
)

func init() { golden.Alias("update-sweep") }

// goldenSweep compares got with testdata/sweep/name, or rewrites it under
// -update (or its old name -update-sweep).
func goldenSweep(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "sweep", name), got)
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
	if err := writeSweepCSV(&b, fixture(t, true, fixtureReqs...).Result); err != nil {
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
