package timeline

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/internal/testcfg"
	"pingtune/reports/trace"
	"pingtune/sim"
)

// timelineOf runs replication rep of cfg twice, as `pingtune timeline`
// does: once to find the default window (unless win is given), once to
// record it.
func timelineOf(t *testing.T, cfg *sim.Config, rep int, win *trace.Window) *Timeline {
	t.Helper()
	res, err := sim.Run(cfg, rep, sim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := DefaultWindow(&res)
	if win != nil {
		w = *win
	}
	rec := NewRecorder(cfg, w)
	res2, err := sim.Run(cfg, rep, sim.Options{Tracer: rec})
	if err != nil {
		t.Fatal(err)
	}
	return rec.Timeline(cfg, rep, &res2)
}

// TestTimelinePNGHasTheAskedSize: the picture decodes as a PNG of the size
// asked for, for every world, including small and wide ones.
func TestTimelinePNGHasTheAskedSize(t *testing.T) {
	for _, cfg := range testcfg.TraceWorlds() {
		tl := timelineOf(t, &cfg, 0, nil)
		for _, size := range [][2]int{{1600, 900}, {MinWidth, MinHeight}, {2400, 1000}} {
			var buf bytes.Buffer
			if err := WritePNG(&buf, tl, size[0], size[1]); err != nil {
				t.Fatalf("%s %v: %v", cfg.Name, size, err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("%s %v: %v", cfg.Name, size, err)
			}
			if b := img.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] {
				t.Errorf("%s: asked for %dx%d, got %dx%d", cfg.Name, size[0], size[1], b.Dx(), b.Dy())
			}
		}
	}
}

// TestTimelineShowsTheBreak: the first break's cause colour is on the picture
// (its guide line and marker), and a quiet window has none of it.
func TestTimelineShowsTheBreak(t *testing.T) {
	cfg := testcfg.TraceWorlds()[1] // NAT breaks
	count := func(win *trace.Window) int {
		var buf bytes.Buffer
		if err := WritePNG(&buf, timelineOf(t, &cfg, 0, win), 1600, 900); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		want := causeColors[sim.CauseNAT]
		n := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if uint8(r>>8) == want.R && uint8(g>>8) == want.G && uint8(bl>>8) == want.B {
					n++
				}
			}
		}
		return n
	}
	if n := count(nil); n < 200 {
		t.Errorf("the default window around a NAT break has only %d pixels of the NAT colour", n)
	}
	// Before the first break at 20 min, nothing broke; the legend's NAT
	// cross still uses the colour.
	quiet := trace.Window{From: 0, To: 15 * time.Minute}
	if n, legend := count(&quiet), 100; n > legend {
		t.Errorf("a window without breaks has %d pixels of the NAT colour", n)
	}
}

// TestTimelineEmptyWindow: a window in which nothing happens still draws,
// with every lane in the state it was in.
func TestTimelineEmptyWindow(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.User.SessionsPerDay = 0
	cfg.Network.Outages, cfg.Network.Handovers, cfg.Server.Restarts, cfg.Server.Pushes = nil, nil, nil, nil
	// From a minute after the first keepalive (its radio tail is over by
	// then) to five minutes later, well before the next one.
	first := firstKeepalive(t, &cfg, 0)
	win := trace.Window{From: first + time.Minute, To: first + 6*time.Minute}
	tl := timelineOf(t, &cfg, 0, &win)
	if len(tl.Events) != 0 {
		t.Fatalf("want an empty window, got %d records", len(tl.Events))
	}
	if tl.Start[sim.LaneNAT] != 0 || tl.Start[sim.LaneSession] != 0 || tl.Start[sim.LaneConn] != uint8(sim.ConnUp) ||
		tl.Start[sim.LaneApp] != uint8(sim.Suspended) || tl.Start[sim.LaneRadio] != uint8(sim.RadioIdle) {
		t.Errorf("lanes at the window's start: %v", tl.Start)
	}
	var buf bytes.Buffer
	if err := WritePNG(&buf, tl, 1000, 600); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Fatal(err)
	}
	if s := tellStory(tl); len(s) != 0 {
		t.Errorf("story of an empty window: %v", s)
	}
}

func TestTimelineRejectsBadSizes(t *testing.T) {
	cfg := testcfg.Classic()
	tl := timelineOf(t, &cfg, 0, nil)
	for _, size := range [][2]int{{MinWidth - 1, 900}, {1600, MinHeight - 1}, {MaxWidth + 1, 900}} {
		if err := WritePNG(&bytes.Buffer{}, tl, size[0], size[1]); err == nil {
			t.Errorf("%v: no error", size)
		}
	}
}

// firstKeepalive is when the platform's keepalive handler first fires in
// replication rep of cfg (at a random phase of the cycle).
func firstKeepalive(t *testing.T, cfg *sim.Config, rep int) time.Duration {
	t.Helper()
	tl := timelineOf(t, cfg, rep, &trace.Window{From: 0, To: cfg.Horizon})
	for _, e := range tl.Events {
		if e.Kind == sim.TraceKeepalive {
			return e.At
		}
	}
	t.Fatal("no keepalive")
	return 0
}

// TestTimelineStory: the story of a NAT break says what an engineer reads
// off the picture: the NAT forgot, the next ping went unanswered for the
// timeout, the client reconnected and that told the server. The times are
// the break's own, read from the Result; the ping went a timeout before the
// client gave up on it.
func TestTimelineStory(t *testing.T) {
	cfg := testcfg.TraceWorlds()[1]
	tl := timelineOf(t, &cfg, 0, nil)
	lines := tellStory(tl)
	if len(lines) == 0 {
		t.Fatal("no story")
	}
	s := lines[0]
	b := tl.Result.Breaks[0]
	if b.Cause != sim.CauseNAT || b.ClientVia != sim.ViaPingTimeout || b.ServerVia != sim.ViaTakeover {
		t.Fatalf("the first break %+v: want a NAT break found by a ping timeout and a takeover", b)
	}
	at := func(d time.Duration) string { return durfmt.Clock(b.At + d) }
	for _, want := range []string{
		"nat at " + at(0) + ": nothing had crossed the NAT for its idle timeout (20m)",
		fmt.Sprintf("Client: after %s (%s), its ping at %s got no pong within 30s", durfmt.Human(b.Client.Seconds()), at(b.Client), at(b.Client-cfg.App.Timeout)),
		fmt.Sprintf("Server: after %s (%s), the client's new connection replaced the session", durfmt.Human(b.Server.Seconds()), at(b.Server)),
		fmt.Sprintf("Up again: after %s (%s)", durfmt.Human(b.Recover.Seconds()), at(b.Recover)),
	} {
		if !strings.Contains(s.Text, want) {
			t.Errorf("story %q\nlacks %q", s.Text, want)
		}
	}
	if s.N != 1 || s.Cause != sim.CauseNAT {
		t.Errorf("story line %+v", s)
	}
}

// TestDefaultWindow: the first break with an hour either side, stretched to
// show how it ended, else the first 6 h; always inside the horizon.
func TestDefaultWindow(t *testing.T) {
	const h, m = time.Hour, time.Minute
	brk := func(at, client, server, recover time.Duration) sim.Break {
		return sim.Break{Cause: sim.CauseNAT, At: at, Client: client, Server: server, Recover: recover}
	}
	un := sim.Unresolved
	for _, c := range []struct {
		name    string
		horizon time.Duration
		breaks  []sim.Break
		want    trace.Window
	}{
		{"no break", 7 * 24 * h, nil, trace.Window{From: 0, To: 6 * h}},
		{"no break, short run", 2 * h, nil, trace.Window{From: 0, To: 2 * h}},
		{"a break mid-run", 7 * 24 * h, []sim.Break{brk(26*h, 10*m, 15*m, 10*m)}, trace.Window{From: 25 * h, To: 27 * h}},
		{"only the first break counts", 7 * 24 * h, []sim.Break{brk(26*h, m, m, m), brk(80*h, m, m, m)}, trace.Window{From: 25 * h, To: 27 * h}},
		{"a break near the start", 7 * 24 * h, []sim.Break{brk(20*m, 10*m, 10*m, 10*m)}, trace.Window{From: 0, To: 80 * m}},
		{"a break near the end", 30 * h, []sim.Break{brk(29*h+50*m, m, m, m)}, trace.Window{From: 28*h + 50*m, To: 30 * h}},
		{"slow detection stretches the window", 7 * 24 * h, []sim.Break{brk(10*h, 90*m, 2*h, 2*h+m)}, trace.Window{From: 9 * h, To: 12*h + 11*m}},
		{"at most 12 h after the break", 7 * 24 * h, []sim.Break{brk(10*h, 30*h, 5*m, 5*m)}, trace.Window{From: 9 * h, To: 22 * h}},
		{"censored latencies do not stretch", 7 * 24 * h, []sim.Break{brk(10*h, un, un, un)}, trace.Window{From: 9 * h, To: 11 * h}},
	} {
		res := sim.Result{Horizon: c.horizon, Breaks: c.breaks}
		if got := DefaultWindow(&res); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

// TestTimelineBursts: short runs of non-resting states are joined and take
// the state they spent most time in.
func TestTimelineBursts(t *testing.T) {
	const ms = time.Millisecond
	idle, promo, active, tail := uint8(sim.RadioIdle), uint8(sim.RadioPromotion), uint8(sim.RadioActive), uint8(sim.RadioTail)
	spans := []span{
		{0, 1000 * ms, idle},
		{1000 * ms, 1260 * ms, promo}, {1260 * ms, 1340 * ms, active}, {1340 * ms, 12916 * ms, tail},
		{12916 * ms, 60000 * ms, idle},
		{60000 * ms, 60260 * ms, promo}, {60260 * ms, 90000 * ms, active},
	}
	got := bursts(spans, idle)
	want := []span{{1000 * ms, 12916 * ms, tail}, {60000 * ms, 90000 * ms, active}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
}
