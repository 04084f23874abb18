package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"pingtune/sweep"
)

// Rendering the plots is the slow part (very slow under -race): the tests
// share one rendering of the fixture's files, SVGs included.
var fixtureFiles = sync.OnceValues(func() ([]File, error) {
	in, err := makeFixture(true, fixtureReqs...)
	if err != nil {
		return nil, err
	}
	return SweepFiles(context.Background(), in, true)
})

// fixtureFile is one of the shared files by name.
func fixtureFile(t *testing.T, name string) []byte {
	t.Helper()
	files, err := fixtureFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("no %s", name)
	return nil
}

func TestSweepFilesAreComplete(t *testing.T) {
	files, err := fixtureFiles()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if len(f.Data) == 0 {
			t.Errorf("%s is empty", f.Name)
		}
	}
	want := "results.json results.csv tradeoff.png tradeoff.svg metrics.png metrics.svg detect-cdf.png detect-cdf.svg breaks.png breaks.svg report.md report.html"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("files %s\nwant %s", got, want)
	}
	// The CLI's clean-up list names every one of them.
	all := SweepOutputs()
	slices.Sort(all)
	slices.Sort(names)
	if !slices.Equal(all, names) {
		t.Errorf("SweepOutputs %v, SweepFiles wrote %v", all, names)
	}
}

// The same sweep renders to the same bytes, images included.
func TestSweepFilesAreDeterministic(t *testing.T) {
	again, err := SweepFiles(context.Background(), fixture(t, true, fixtureReqs...), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range again {
		if !bytes.Equal(f.Data, fixtureFile(t, f.Name)) {
			t.Errorf("%s differs between two renderings", f.Name)
		}
	}
}

// report.html stands alone: every image inline, nothing fetched.
func TestReportHTMLIsSelfContained(t *testing.T) {
	html := string(fixtureFile(t, "report.html"))
	if n := strings.Count(html, `src="data:image/png;base64,`); n != 4 {
		t.Errorf("%d inline images, want 4", n)
	}
	for _, bad := range []string{`src="http`, `href="http`, "<link", "<script"} {
		if strings.Contains(html, bad) {
			t.Errorf("report.html contains %s", bad)
		}
	}
	for _, want := range []string{"<h2>Recommendation</h2>", "Recommended 15m", "<code>&lt;=</code>", "keepalive_min: 10m"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
}

// No interval qualifies: the JSON says so with the closest, and the words
// show where each requirement holds.
func TestSweepNoneQualifies(t *testing.T) {
	reqs := []sweep.Requirement{
		{Metric: sweep.DetectClientP95, Upper: true, Bound: 60},
		{Metric: sweep.BatteryPctPerDay, Upper: true, Bound: 8},
	}
	in := fixture(t, true, reqs...)
	doc, err := newSweepJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Recommended != nil || doc.Closest == nil || len(doc.Closest.Failing) == 0 {
		t.Fatalf("recommended %+v closest %+v", doc.Recommended, doc.Closest)
	}
	raw, _ := json.Marshal(doc)
	if !strings.Contains(string(raw), `"recommended":null`) {
		t.Error(`no "recommended": null`)
	}
	words := strings.Join(explain(in.Result), "\n")
	for _, want := range []string{"No interval meets every requirement", "The closest is", "`battery_pct_per_day <= 8 %/day` holds at 15m"} {
		if !strings.Contains(words, want) {
			t.Errorf("explanation lacks %q:\n%s", want, words)
		}
	}
}

// The binding requirement and the next interval are named.
func TestExplainBinding(t *testing.T) {
	in := fixture(t, true, sweep.Requirement{Metric: sweep.DetectClientP95, Upper: true, Bound: 12 * 60}, fixtureReqs[1])
	words := strings.Join(explain(in.Result), "\n")
	for _, want := range []string{"Recommended 10m", "The binding requirement is `detect_client_p95 <= 12m`: at 15m", "5m and 8m"} {
		if !strings.Contains(words+strings.Join(sweepNotes(in.Result), "\n"), want) {
			t.Errorf("lacks %q:\n%s", want, words)
		}
	}
}

// TestSweepFilesStopWhenCancelled: an interrupt while the plots are drawn
// stops the rendering between two files with the context's error.
func TestSweepFilesStopWhenCancelled(t *testing.T) {
	in := fixture(t, true, fixtureReqs...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files, err := SweepFiles(ctx, in, true)
	if !errors.Is(err, context.Canceled) || files != nil {
		t.Fatalf("%d files, error %v; want none and context.Canceled", len(files), err)
	}
}
