package sim_test

import (
	"math"
	"reflect"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	. "pingtune/sim"
)

// traceRecorder keeps every trace record of a run.
type traceRecorder struct{ ev []TraceEvent }

func (r *traceRecorder) Trace(e TraceEvent) { r.ev = append(r.ev, e) }

// traceConfigs are the shapes of world a trace must follow: the classic
// pattern, a home NAT that forgets the mapping between pings, a leaking task
// (watchdog kills), silent server restarts, and an always-awake device whose
// server times out faster than it pings. Together they make every break
// cause, every wakeup cause and every push fate happen (see
// The adaptive one moves its interval (policy.go), so the replays also
// follow a schedule that changes under them.
//
// TestTraceConfigsCoverEveryKind), so the replay tests are not vacuous.
func traceConfigs() []namedConfig {
	nat := testcfg.Classic()
	nat.App.Interval = 30 * time.Minute
	nat.Network.NATIdleTimeout = 20 * time.Minute
	nat.Network.Outages, nat.Network.Handovers = nil, nil

	leak := testcfg.Classic()
	leak.App.BackgroundTask = Leak
	leak.Platform.RelaunchAfterKill, leak.Platform.RelaunchDelay = true, time.Minute

	silent := testcfg.Classic()
	silent.Server.Restarts.Kind = Silent
	silent.Server.Restarts.Every = Dist{Kind: Exp, Value: 6 * time.Hour}

	awake := testcfg.Classic()
	awake.Platform = Platform{Name: "always-awake", AlwaysAwake: true}
	awake.App.Interval = 5 * time.Minute
	awake.Network.NATIdleTimeout = 350 * time.Second
	awake.Server.IdleTimeoutMultiple, awake.Server.IdleTimeout = 0, 290*time.Second
	awake.Server.Pushes.DropOffline = true

	adaptive := testcfg.Classic()
	adaptive.Platform = Platform{Name: "always-awake", AlwaysAwake: true}
	adaptive.App.Interval = 270 * time.Second
	adaptive.App.Policy = Policy{Kind: PolicyAdaptive, Adaptive: MarsAdaptive()}
	adaptive.Network.NATIdleTimeout = 10 * time.Minute

	// Android: Doze with high-priority FCM; and with normal-priority FCM,
	// while-idle alarms under the pre-12 rule, motion, a charger and screen
	// sessions (doze.go, device_state.go, fcm.go).
	android := testcfg.AndroidChat()
	normal := testcfg.AndroidChat()
	normal.Server.Pushes.FCM.High = false
	normal.App.Alarm = AlarmWhileIdle
	normal.Platform.Android.Version = 11
	normal.Device.Motion = &Periods{Every: Dist{Kind: Exp, Value: 3 * time.Hour}, Duration: Fixed(20 * time.Minute)}
	normal.Device.Charging = &Periods{Every: Fixed(16 * time.Hour), Duration: Fixed(8 * time.Hour)}
	normal.Device.Screen = &ScreenSessions{PerDay: 30, Length: Fixed(time.Minute)}

	return []namedConfig{{"classic", testcfg.Classic()}, {"nat", nat}, {"leak", leak}, {"silent", silent}, {"awake", awake}, {"adaptive", adaptive},
		{"android", android}, {"android-normal", normal}}
}

type namedConfig struct {
	name string
	cfg  Config
}

// TestTraceConfigsCoverEveryKind: the configurations above, three
// replications each, make every cause and fate the replay tests count.
func TestTraceConfigsCoverEveryKind(t *testing.T) {
	var kinds [NumTraceKinds]int
	var breaks [NumCauses]int
	var wakes [NumWakeCauses]int
	for _, nc := range traceConfigs() {
		for rep := range 3 {
			_, ev := tracedRun(t, &nc.cfg, rep)
			for _, e := range ev {
				kinds[e.Kind]++
				switch e.Kind {
				case TraceBreak:
					breaks[e.Cause]++
				case TraceWakeup:
					wakes[e.Cause]++
				}
			}
		}
	}
	for k, n := range kinds {
		if n == 0 {
			t.Errorf("no %s record", TraceKind(k))
		}
	}
	for c, n := range breaks {
		if n == 0 {
			t.Errorf("no break of cause %s", Cause(c))
		}
	}
	for c, n := range wakes {
		if n == 0 {
			t.Errorf("no wakeup of cause %s", WakeCause(c))
		}
	}
}

func tracedRun(t testing.TB, cfg *Config, rep int) (Result, []TraceEvent) {
	t.Helper()
	var rec traceRecorder
	res, err := Run(cfg, rep, Options{Tracer: &rec, Check: true})
	if err != nil {
		t.Fatal(err)
	}
	return res, rec.ev
}

// TestTraceTimeOrdered: records come in time order, inside the run (the
// horizon and its drain, with one horizon record between them), and
// each lane's state changes chain (each From is the previous To).
func TestTraceTimeOrdered(t *testing.T) {
	for _, nc := range traceConfigs() {
		cfg := nc.cfg
		t.Run(nc.name, func(t *testing.T) {
			for rep := range 3 {
				res, ev := tracedRun(t, &cfg, rep)
				if len(ev) == 0 {
					t.Fatal("no trace records")
				}
				horizons := 0
				for _, e := range ev {
					if e.Kind == TraceHorizon {
						horizons++
						if e.At != cfg.Horizon {
							t.Fatalf("rep %d: the horizon record at %v, not %v", rep, e.At, cfg.Horizon)
						}
					}
				}
				if horizons != 1 {
					t.Fatalf("rep %d: %d horizon records", rep, horizons)
				}
				var last time.Duration
				var state [NumLanes]int
				for l := range state {
					state[l] = -1
				}
				for i, e := range ev {
					if e.At < last || e.At > res.End {
						t.Fatalf("rep %d record %d (%v) at %v after %v (end %v)", rep, i, e.Kind, e.At, last, res.End)
					}
					last = e.At
					if e.Kind != TraceState {
						continue
					}
					if s := state[e.Lane]; s >= 0 && uint8(s) != e.From {
						t.Fatalf("rep %d at %v: %s went from %s, but was %s", rep, e.At, e.Lane,
							e.Lane.StateName(e.From), e.Lane.StateName(uint8(s)))
					}
					if e.From == e.To && !(e.Lane == LaneRadio && RadioState(e.To) == RadioTail) {
						t.Fatalf("rep %d at %v: %s changed to the state it was in (%s)", rep, e.At, e.Lane, e.Lane.StateName(e.To))
					}
					state[e.Lane] = int(e.To)
				}
			}
		})
	}
}

// TestTraceReplaysResult: counting a trace's records gives back exactly what
// the Result of the same run counted, break by break.
func TestTraceReplaysResult(t *testing.T) {
	for _, nc := range traceConfigs() {
		cfg := nc.cfg
		t.Run(nc.name, func(t *testing.T) {
			for rep := range 3 {
				res, ev := tracedRun(t, &cfg, rep)
				checkReplay(t, rep, &res, ev)
			}
		})
	}
}

func checkReplay(t *testing.T, rep int, res *Result, ev []TraceEvent) {
	t.Helper()
	var got Result
	var breaks []Break
	var pingTimeouts, kills, relaunches, promotions int
	// Costs and counters stop at the horizon; breaks and pushes that began
	// by then are followed through the drain.
	costs := true
	horizonJ := math.NaN()
	for _, e := range ev {
		if e.Kind == TraceHorizon {
			costs, horizonJ = false, e.EnergyJ
		}
		if !costs && countsCost(e.Kind) {
			continue
		}
		switch e.Kind {
		case TraceWakeup:
			got.Wakeups[e.Cause]++
		case TraceBreak:
			breaks = append(breaks, Break{Cause: Cause(e.Cause), At: e.At, Client: Unresolved, Server: Unresolved, Recover: Unresolved})
		case TraceDetectClient, TraceDetectServer, TraceRecover:
			// The latency leads back to exactly one unresolved break of that cause.
			at := e.At - e.Latency
			n := 0
			for i := range breaks {
				b := &breaks[i]
				if b.At != at || b.Cause != Cause(e.Cause) {
					continue
				}
				p := map[TraceKind]*time.Duration{TraceDetectClient: &b.Client, TraceDetectServer: &b.Server, TraceRecover: &b.Recover}[e.Kind]
				if *p == Unresolved {
					*p = e.Latency
					switch e.Kind {
					case TraceDetectClient:
						b.ClientVia = e.Via
					case TraceDetectServer:
						b.ServerVia = e.Via
					}
					n++
					break
				}
			}
			if n != 1 {
				t.Fatalf("rep %d at %v: %v (%s, %v) matches no open break", rep, e.At, e.Kind, Cause(e.Cause), e.Latency)
			}
		case TracePushSent:
			got.Pushes.Sent++
		case TracePushDelivered:
			got.Pushes.Delivered++
			got.PushLatency.Record(int64(e.Latency))
		case TracePushLost:
			got.Pushes.Lost++
		case TracePushDropped:
			got.Pushes.Dropped++
		case TraceKill:
			kills++
		case TraceRelaunch:
			relaunches++
		case TracePingSent:
			got.Pings++
		case TracePongReceived:
			got.Pongs++
		case TracePingTimeout:
			pingTimeouts++
		case TraceConnectStart:
			got.Connects++
		case TraceConnectFail:
			got.ConnectFails++
		case TraceState:
			if e.Lane == LaneRadio && RadioState(e.To) == RadioPromotion {
				promotions++
			}
		}
	}
	if got.Wakeups != res.Wakeups {
		t.Errorf("rep %d: wakeups by cause %v in the trace, %v in the result", rep, got.Wakeups, res.Wakeups)
	}
	if !reflect.DeepEqual(breaks, res.Breaks) && !(len(breaks) == 0 && len(res.Breaks) == 0) {
		t.Errorf("rep %d: breaks in the trace\n%v\nin the result\n%v", rep, breaks, res.Breaks)
	}
	want := res.Pushes
	want.Pending = 0
	if got.Pushes != want {
		t.Errorf("rep %d: pushes %+v in the trace, %+v in the result", rep, got.Pushes, res.Pushes)
	}
	if gp := got.PushLatency.Packed(); !reflect.DeepEqual(gp, res.PushLatency) && res.PushLatency.N() > 0 {
		t.Errorf("rep %d: push latencies differ", rep)
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"kills", kills, res.Kills}, {"relaunches", relaunches, res.Relaunches},
		{"pings", got.Pings, res.Pings}, {"pongs", got.Pongs, res.Pongs}, {"ping timeouts", pingTimeouts, res.PingTimeouts},
		{"connects", got.Connects, res.Connects}, {"connect failures", got.ConnectFails, res.ConnectFails},
		{"radio promotions", promotions, res.Promotions},
	} {
		if c.got != c.want {
			t.Errorf("rep %d: %d %s in the trace, %d in the result", rep, c.got, c.what, c.want)
		}
	}
	// Energy so far never goes down and never passes the run's total.
	var e0 float64
	for _, e := range ev {
		if e.EnergyJ < e0-1e-9 {
			t.Fatalf("rep %d at %v: energy so far fell from %g to %g J", rep, e.At, e0, e.EnergyJ)
		}
		e0 = e.EnergyJ
	}
	if total := res.EnergyJ(); math.Abs(horizonJ-total) > 1e-6*max(1, total) {
		t.Errorf("rep %d: the trace reached %g J at the horizon, the run used %g J", rep, horizonJ, total)
	}
}

// countsCost reports whether a record of kind k is a cost or a counter of
// the Result, which stop at the horizon.
func countsCost(k TraceKind) bool {
	switch k {
	case TraceWakeup, TraceKill, TraceRelaunch, TracePingSent, TracePongReceived, TracePingTimeout,
		TraceConnectStart, TraceConnectFail, TraceState:
		return true
	}
	return false
}

// TestTraceDoesNotChangeRun: attaching a tracer changes nothing in the
// Result, and a traced replication equals the same replication played on a
// World reused from earlier ones (as `run` plays it).
func TestTraceDoesNotChangeRun(t *testing.T) {
	for _, nc := range traceConfigs() {
		cfg := nc.cfg
		t.Run(nc.name, func(t *testing.T) {
			var w World
			for rep := range 4 {
				plain, err := w.Run(&cfg, rep, Options{})
				if err != nil {
					t.Fatal(err)
				}
				traced, _ := tracedRun(t, &cfg, rep)
				// Untraced, the radio's state changes cost no engine events
				// (radio_lazy.go): only the count of events may differ.
				if plain.Events > traced.Events {
					t.Errorf("rep %d: %d events untraced, more than the %d traced", rep, plain.Events, traced.Events)
				}
				plain.Events, traced.Events = 0, 0
				if !reflect.DeepEqual(plain, traced) {
					t.Errorf("rep %d: the traced run differs:\nplain  %+v\ntraced %+v", rep, plain, traced)
				}
			}
		})
	}
}

// TestUntracedRunDoesNotAllocatePerEvent: without a tracer, a run allocates
// the same small number of times however many events it processes. A World
// reused across replications (as the runner does) keeps its heap, packet
// pool and slices, so after a warm-up run the only allocations left are the
// Result's own copies of its slices. A 7-day run processes about seven times
// the events of a 1-day run; its allocation count must stay within a few of
// the 1-day run's (a slice that grows more in the longer run may double a
// couple more times: that is amortised growth, logarithmic in the events,
// not one allocation per event).
func TestUntracedRunDoesNotAllocatePerEvent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 16 replications")
	}
	allocs := func(horizon time.Duration) (float64, int64) {
		cfg := testcfg.Classic()
		cfg.Horizon = horizon
		var w World
		var events int64
		run := func() {
			res, err := w.Run(&cfg, 0, Options{})
			if err != nil {
				t.Fatal(err)
			}
			events = res.Events
		}
		run() // warm up: grow the World's buffers to this run's size
		return testing.AllocsPerRun(8, run), events
	}
	a1, n1 := allocs(24 * time.Hour)
	a7, n7 := allocs(7 * 24 * time.Hour)
	t.Logf("1 day: %d events, %.0f allocations; 7 days: %d events, %.0f allocations", n1, a1, n7, a7)
	if n7 < 5*n1 {
		t.Fatalf("the 7-day run processed %d events, the 1-day run %d: the comparison needs more events", n7, n1)
	}
	if a7 > a1+4 || a7 > 16 {
		t.Errorf("allocations grow with events: %.0f in %d events, %.0f in %d events", a1, n1, a7, n7)
	}
}

// BenchmarkRunTraced compares a week without a tracer and with one that
// drops every record: what tracing costs when it is on.
func BenchmarkRunTraced(b *testing.B) {
	cfg := testcfg.Classic()
	for _, bc := range []struct {
		name string
		tr   Tracer
	}{{"off", nil}, {"discard", traceDiscard{}}} {
		b.Run(bc.name, func(b *testing.B) {
			var w World
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := w.Run(&cfg, i%4, Options{Tracer: bc.tr}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type traceDiscard struct{}

func (traceDiscard) Trace(TraceEvent) {}
