package trace

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"pingtune/internal/golden"
	"pingtune/internal/testcfg"
	"pingtune/sim"
)

func init() { golden.Alias("update-trace") }

// traceLines runs replication rep of cfg through a JSON over win.
func traceLines(t *testing.T, cfg *sim.Config, rep int, win Window) (sim.Result, []string) {
	t.Helper()
	var buf bytes.Buffer
	tj := NewJSON(&buf, cfg, win)
	res, err := sim.Run(cfg, rep, sim.Options{Tracer: tj, Check: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := tj.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	return res, lines[:len(lines)-1] // after the last newline: nothing
}

// traceLine is a decoded trace line, every field a kind may use.
type traceLine struct {
	T       float64           `json:"t_s"`
	Kind    string            `json:"kind"`
	Lane    string            `json:"lane"`
	From    string            `json:"from"`
	To      string            `json:"to"`
	Stage   *int              `json:"stage"`
	Cause   string            `json:"cause"`
	Side    string            `json:"side"`
	Via     string            `json:"via"`
	Conn    *int              `json:"conn"`
	Push    *int              `json:"push"`
	Latency *float64          `json:"latency_s"`
	ForS    *float64          `json:"for_s"`
	Restart string            `json:"restart"`
	Energy  *float64          `json:"energy_j"`
	Lanes   map[string]string `json:"lanes"`
}

func decodeTrace(t *testing.T, lines []string) []traceLine {
	t.Helper()
	out := make([]traceLine, len(lines))
	for i, s := range lines {
		dec := json.NewDecoder(strings.NewReader(s))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&out[i]); err != nil {
			t.Fatalf("line %d %q: %v", i+1, s, err)
		}
		if !strings.HasPrefix(s, `{"t_s":`) || !strings.HasSuffix(s, "}\n") {
			t.Fatalf("line %d %q: want one object starting with t_s", i+1, s)
		}
	}
	return out
}

// TestTraceJSONIsTimeOrderedAndComplete: every line is one JSON object, the
// first the snapshot, the rest in time order, each with the fields its kind
// needs (and energy so far that never falls).
func TestTraceJSONIsTimeOrderedAndComplete(t *testing.T) {
	for _, cfg := range testcfg.TraceWorlds() {
		t.Run(cfg.Name, func(t *testing.T) {
			_, lines := traceLines(t, &cfg, 1, Window{0, cfg.Horizon})
			recs := decodeTrace(t, lines)
			if recs[0].Kind != "snapshot" {
				t.Fatalf("first line %q is not the snapshot", lines[0])
			}
			last, energy := 0.0, 0.0
			for i, r := range recs[1:] {
				line := lines[i+1]
				if r.T < last {
					t.Fatalf("line %d goes back in time: %s", i+2, line)
				}
				last = r.T
				if r.Energy == nil || *r.Energy < energy {
					t.Fatalf("line %d: energy_j missing or falling: %s", i+2, line)
				}
				energy = *r.Energy
				need := map[string]bool{}
				switch r.Kind {
				case "state":
					need["lane"], need["from"], need["to"] = r.Lane == "", r.From == "", r.To == ""
					need["stage"] = r.Lane == "radio" && r.To == "tail" && r.Stage == nil
				case "wakeup", "break":
					need["cause"] = r.Cause == ""
				case "detect_client", "detect_server":
					need["cause"], need["side"], need["via"], need["latency_s"], need["conn"] = r.Cause == "", r.Side == "", r.Via == "", r.Latency == nil, r.Conn == nil
				case "recover", "pong_received":
					need["latency_s"], need["conn"] = r.Latency == nil, r.Conn == nil
				case "push_sent", "push_queued", "push_dropped":
					need["push"] = r.Push == nil
				case "push_delivered":
					need["push"], need["latency_s"] = r.Push == nil, r.Latency == nil
				case "ping_sent", "ping_timeout", "connect_start", "connect_ok", "connect_fail":
					need["conn"] = r.Conn == nil
				case "user_open":
					need["for_s"] = r.ForS == nil
				case "server_restart":
					need["restart"] = r.Restart == ""
				}
				for f, missing := range need {
					if missing {
						t.Fatalf("line %d lacks %s: %s", i+2, f, line)
					}
				}
			}
		})
	}
}

// TestTraceJSONReplaysResult: counting the lines of a trace gives exactly
// what the replication's Result counted: wakeups by cause, breaks by cause
// and time, detections, pushes, kills. Wakeups and kills count up to the
// horizon record; breaks and pushes are followed through the drain.
func TestTraceJSONReplaysResult(t *testing.T) {
	for _, cfg := range testcfg.TraceWorlds() {
		t.Run(cfg.Name, func(t *testing.T) {
			for rep := range 3 {
				res, lines := traceLines(t, &cfg, rep, Window{0, cfg.LatestEnd()})
				var got sim.Result
				var breaks []string
				var detect [2]int
				drain := false
				for _, r := range decodeTrace(t, lines)[1:] {
					switch r.Kind {
					case "horizon":
						drain = true
					case "wakeup":
						if !drain {
							got.Wakeups[wakeCauseOf(t, r.Cause)]++
						}
					case "break":
						breaks = append(breaks, r.Cause)
					case "detect_client":
						detect[0]++
					case "detect_server":
						detect[1]++
					case "push_sent":
						got.Pushes.Sent++
					case "push_delivered":
						got.Pushes.Delivered++
					case "push_lost":
						got.Pushes.Lost++
					case "push_dropped":
						got.Pushes.Dropped++
					case "kill":
						if !drain {
							got.Kills++
						}
					}
				}
				var want []string
				var resolved [2]int
				for _, b := range res.Breaks {
					want = append(want, b.Cause.String())
					if b.Client != sim.Unresolved {
						resolved[0]++
					}
					if b.Server != sim.Unresolved {
						resolved[1]++
					}
				}
				if got.Wakeups != res.Wakeups {
					t.Errorf("rep %d: wakeups %v, the run counted %v", rep, got.Wakeups, res.Wakeups)
				}
				if !reflect.DeepEqual(breaks, want) {
					t.Errorf("rep %d: breaks %v, the run counted %v", rep, breaks, want)
				}
				if detect != resolved {
					t.Errorf("rep %d: detections (client, server) %v, the run resolved %v", rep, detect, resolved)
				}
				p := res.Pushes
				if got.Pushes.Sent != p.Sent || got.Pushes.Delivered != p.Delivered || got.Pushes.Lost != p.Lost || got.Pushes.Dropped != p.Dropped {
					t.Errorf("rep %d: pushes %+v, the run counted %+v", rep, got.Pushes, p)
				}
				if got.Kills != res.Kills {
					t.Errorf("rep %d: %d kills, the run counted %d", rep, got.Kills, res.Kills)
				}
			}
		})
	}
}

func wakeCauseOf(t *testing.T, name string) sim.WakeCause {
	for c := range sim.NumWakeCauses {
		if c.String() == name {
			return c
		}
	}
	t.Fatalf("unknown wakeup cause %q", name)
	return 0
}

// TestTraceJSONWindow: a window prints exactly the full trace's lines inside
// it, after a snapshot of the lanes as the full trace left them at its start.
func TestTraceJSONWindow(t *testing.T) {
	cfg := testcfg.TraceWorlds()[1]
	_, full := traceLines(t, &cfg, 0, Window{0, cfg.Horizon})
	recs := decodeTrace(t, full)
	for _, win := range []Window{{0, time.Hour}, {29 * time.Minute, 31 * time.Minute}, {26 * time.Hour, 27*time.Hour + 30*time.Minute}, {cfg.Horizon - time.Minute, cfg.Horizon}} {
		_, lines := traceLines(t, &cfg, 0, win)
		var snap, first struct{ Lanes map[string]string }
		if err := json.Unmarshal([]byte(full[0]), &first); err != nil {
			t.Fatal(err)
		}
		state := first.Lanes
		var want []string
		for i, r := range recs {
			if i == 0 {
				continue
			}
			at := time.Duration(r.T * float64(time.Second))
			if at < win.From-time.Microsecond && r.Kind == "state" {
				state[r.Lane] = r.To
			}
			if at >= win.From-time.Microsecond && at <= win.To+time.Microsecond {
				want = append(want, full[i])
			}
		}
		if err := json.Unmarshal([]byte(lines[0]), &snap); err != nil {
			t.Fatal(err)
		}
		if len(snap.Lanes) != int(UsedLanes(&cfg)) || !reflect.DeepEqual(snap.Lanes, state) {
			t.Errorf("window %s: the snapshot says %v, the full trace %v", win, snap.Lanes, state)
		}
		if !reflect.DeepEqual(lines[1:], want) && !(len(want) == 0 && len(lines) == 1) {
			t.Errorf("window %s: %d lines, the full trace has %d in it", win, len(lines)-1, len(want))
		}
	}
}

// TestTraceJSONGolden pins the bytes of two hours of the NAT world's first
// replication: the format users script against.
func TestTraceJSONGolden(t *testing.T) {
	cfg := testcfg.TraceWorlds()[1]
	_, lines := traceLines(t, &cfg, 0, Window{15 * time.Minute, 65 * time.Minute})
	got := strings.Join(lines, "")
	golden.Check(t, filepath.Join("testdata", "trace_nat.golden"), []byte(got))
}

// TestInitialLanesMatchTheModel: the lanes' first state changes leave the
// states initialLanes says the run starts in.
func TestInitialLanesMatchTheModel(t *testing.T) {
	for _, cfg := range testcfg.TraceWorlds() {
		var rec timelineTestRecorder
		if _, err := sim.Run(&cfg, 0, sim.Options{Tracer: &rec}); err != nil {
			t.Fatal(err)
		}
		init := initialLanes(&cfg)
		seen := [sim.NumLanes]bool{}
		for _, e := range rec.ev {
			if e.Kind != sim.TraceState || seen[e.Lane] {
				continue
			}
			seen[e.Lane] = true
			if e.From != init[e.Lane] {
				t.Errorf("%s: %s first leaves %s, initialLanes says it starts %s", cfg.Name, e.Lane,
					e.Lane.StateName(e.From), e.Lane.StateName(init[e.Lane]))
			}
		}
	}
}

type timelineTestRecorder struct{ ev []sim.TraceEvent }

func (r *timelineTestRecorder) Trace(e sim.TraceEvent) { r.ev = append(r.ev, e) }

func TestTraceAppendSeconds(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0"}, {time.Nanosecond, "0.000000001"}, {80 * time.Millisecond, "0.08"},
		{612300 * time.Millisecond, "612.3"}, {7 * 24 * time.Hour, "604800"},
		{1829606431084, "1829.606431084"}, {-1500 * time.Millisecond, "-1.5"},
	} {
		if got := string(appendSeconds(nil, c.d)); got != c.want {
			t.Errorf("%v: got %s, want %s", c.d, got, c.want)
		}
	}
}
