package timeline

import (
	"fmt"
	"testing"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/internal/testcfg"
	"pingtune/reports/trace"
	"pingtune/sim"
)

// TestTimelineStoryIsLinear: the stories read through index say exactly
// what the plain scans of the records (the reference below, which is
// records × breaks) say, for every break of long windows of every test
// world, including windows that start or end inside a break.
func TestTimelineStoryIsLinear(t *testing.T) {
	compared := 0
	for _, cfg := range testcfg.TraceWorlds() {
		cfg.Horizon = 4 * 24 * time.Hour
		for _, win := range []trace.Window{{From: 0, To: cfg.Horizon}, {From: 26 * time.Hour, To: 80 * time.Hour}, {From: 50*time.Hour + 17*time.Minute, To: 51 * time.Hour}} {
			tl := timelineOf(t, &cfg, 1, &win)
			got, want := tellStory(tl), refStory(tl)
			if len(got) != len(want) {
				t.Fatalf("%s %v: %d stories, want %d", cfg.Name, win, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s %v: story\n%+v\nwant\n%+v", cfg.Name, win, got[i], want[i])
				}
			}
			compared += len(got)
		}
	}
	t.Logf("%d stories compared", compared)
	if compared < 100 {
		t.Errorf("only %d stories compared: the worlds break too seldom to test much", compared)
	}
}

// TestMaxTreeIsTheLargest holds the segment tree against a scan of every range.
func TestMaxTreeIsTheLargest(t *testing.T) {
	vals := []time.Duration{3, 0, 9, 1, 9, 2, 7, 0, 0, 5, 4}
	for n := 0; n <= len(vals); n++ {
		m := newMaxTree(vals[:n])
		for l := 0; l <= n; l++ {
			for r := l; r <= n; r++ {
				want := time.Duration(0)
				for _, v := range vals[l:r] {
					want = max(want, v)
				}
				if got := m.max(l, r); got != want {
					t.Errorf("n=%d max(%d, %d) = %d, want %d", n, l, r, got, want)
				}
			}
		}
	}
}

// refStory is tellStory as plain scans of the records, the reference.
func refStory(t *Timeline) []storyLine {
	var lines []storyLine
	for i, b := range t.Result.Breaks {
		if !breakInWindow(b, t.Window) {
			continue
		}
		s := fmt.Sprintf("%s at %s", b.Cause, durfmt.Clock(b.At))
		if b.At < t.Window.From {
			s += " (before this window)"
		}
		s += ": " + refWhy(t, b)
		s += ". Client: " + resolution(b.At, b.Client, refClientHow(t, b))
		s += ". Server: " + resolution(b.At, b.Server, serverHow(t, b))
		s += ". Up again: " + resolution(b.At, b.Recover, refReconnects(t, b))
		lines = append(lines, storyLine{N: i + 1, Cause: b.Cause, Text: s + "."})
	}
	return lines
}

func refWhy(t *Timeline, b sim.Break) string {
	if b.Cause == sim.CauseWifi {
		for _, e := range t.Events {
			if e.Kind == sim.TraceState && e.Lane == sim.LanePath && e.To == 0 && e.At > b.At {
				return fmt.Sprintf("the network path went down for %s", durfmt.Human((e.At - b.At).Seconds()))
			}
		}
		return "the network path went down"
	}
	return whyText(t, newIndex(nil), b) // the other causes read no records
}

func refReconnects(t *Timeline, b sim.Break) string {
	if b.Recover == sim.Unresolved {
		return ""
	}
	end := b.At + b.Recover
	fails := 0
	var lastFail, wait time.Duration = -1, 0
	for _, e := range t.Events {
		if e.At < b.At || e.At > end {
			continue
		}
		switch e.Kind {
		case sim.TraceConnectFail:
			fails++
			lastFail = e.At
		case sim.TraceConnectStart:
			if lastFail >= 0 {
				wait = max(wait, e.At-lastFail)
			}
		}
	}
	if fails == 0 {
		return ""
	}
	if fails == 1 {
		return fmt.Sprintf("following 1 failed connect and a %s wait", durfmt.Human(wait.Seconds()))
	}
	return fmt.Sprintf("following %d failed connects (the longest wait between tries %s)", fails, durfmt.Human(wait.Seconds()))
}

func refWakeAt(t *Timeline, at time.Duration) int {
	for _, e := range t.Events {
		if e.At == at && e.Kind == sim.TraceWakeup {
			return int(e.Cause)
		}
		if e.At > at {
			break
		}
	}
	return -1
}

// refClientHow is clientHow with refWakeAt: the wakeup is its only lookup.
func refClientHow(t *Timeline, b sim.Break) string {
	if b.Client == sim.Unresolved {
		return ""
	}
	at := b.At + b.Client
	x := &index{}
	if w := refWakeAt(t, at); w >= 0 {
		x.wakes = []wakeRecord{{at, uint8(w)}}
	}
	return clientHow(t, x, b)
}

// BenchmarkTimelineStory tells the stories of a 30-day window of the
// classic world (the records a picture can take): through index, and by
// the plain scans it replaced.
func BenchmarkTimelineStory(b *testing.B) {
	cfg := testcfg.TraceWorlds()[0]
	cfg.Horizon = 30 * 24 * time.Hour
	rec := NewRecorder(&cfg, trace.Window{From: 0, To: cfg.Horizon})
	res, err := sim.Run(&cfg, 1, sim.Options{Tracer: rec})
	if err != nil {
		b.Fatal(err)
	}
	if _, over := rec.Overflow(); over {
		b.Fatal("the window is over the limit")
	}
	tl := rec.Timeline(&cfg, 1, &res)
	b.Logf("%d records, %d breaks", len(tl.Events), len(res.Breaks))
	for _, c := range []struct {
		name  string
		story func(*Timeline) []storyLine
	}{{"index", tellStory}, {"scan", refStory}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				c.story(tl)
			}
		})
	}
}

// countingTracer notes the time of its n-th record.
type countingTracer struct {
	n, seen int
	at      time.Duration
}

func (c *countingTracer) Trace(e sim.TraceEvent) {
	c.seen++
	if c.seen == c.n {
		c.at = e.At
	}
}

// TestTimelineRecorderRefusesTooManyRecords: a window with more records
// than a picture can show keeps MaxRecords of them and says when
// the first one beyond fell; a window under the limit says nothing.
func TestTimelineRecorderRefusesTooManyRecords(t *testing.T) {
	cfg := testcfg.TraceWorlds()[0]
	cfg.Horizon = 45 * 24 * time.Hour
	all := &countingTracer{n: MaxRecords + 1}
	if _, err := sim.Run(&cfg, 0, sim.Options{Tracer: all}); err != nil {
		t.Fatal(err)
	}
	if all.seen <= MaxRecords {
		t.Fatalf("the run has only %d records: test with a longer one", all.seen)
	}
	rec := NewRecorder(&cfg, trace.Window{From: 0, To: cfg.Horizon})
	res, err := sim.Run(&cfg, 0, sim.Options{Tracer: rec})
	if err != nil {
		t.Fatal(err)
	}
	beyond, over := rec.Overflow()
	if !over || beyond != all.at {
		t.Errorf("Overflow() = %v, %v; want true at %v, the time of record %d", beyond, over, all.at, all.n)
	}
	if n := len(rec.Timeline(&cfg, 0, &res).Events); n != MaxRecords {
		t.Errorf("kept %d records, want %d", n, MaxRecords)
	}
	small := NewRecorder(&cfg, trace.Window{From: 0, To: beyond - 1})
	if _, err := sim.Run(&cfg, 0, sim.Options{Tracer: small}); err != nil {
		t.Fatal(err)
	}
	if _, over := small.Overflow(); over {
		t.Error("a window ending before the first record beyond the limit is refused")
	}
}
