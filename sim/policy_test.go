package sim_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// intervalsOf lists the background intervals a replication ran at, in order.
func intervalsOf(r sim.Result) []time.Duration {
	var out []time.Duration
	for _, s := range r.Intervals {
		out = append(out, s.Interval)
	}
	return out
}

// TestAdaptiveSettlesJustBelowTheNAT: the Mars rules behind one NAT of
// 10 min, on a device that pings exactly every interval. By hand: from
// 4 min 30 s, +60 s after every 3 answered pings gives 330, 390, 450, 510,
// 570 and 630 s; a ping after 630 s of silence finds the mapping gone (600 s),
// three times in a row (each reconnect waits a full interval before the next
// ping), so the policy backs off 80 s to 550 s and locks. Nothing else moves
// it, so those are the only 3 unanswered pings of the day.
func TestAdaptiveSettlesJustBelowTheNAT(t *testing.T) {
	cfg := quiet(270 * time.Second)
	cfg.Horizon = 24 * time.Hour
	cfg.Network.NATIdleTimeout = 10 * time.Minute
	cfg.App.Policy = sim.Policy{Kind: sim.PolicyAdaptive, Adaptive: sim.MarsAdaptive()}
	p := cfg.App.Policy.Adaptive
	var want []time.Duration
	for t := p.Min; t < cfg.Network.NATIdleTimeout+p.Step; t += p.Step {
		want = append(want, t)
	}
	failing := want[len(want)-1]
	want = append(want, failing-p.Backoff)
	if failing != 630*time.Second || want[len(want)-1] != 550*time.Second {
		t.Fatalf("the hand computation went wrong: %v", want)
	}
	for _, r := range runAll(t, &cfg, 4) {
		if got := intervalsOf(r); !slices.Equal(got, want) {
			t.Errorf("rep %d: intervals %v, want %v", r.Rep, got, want)
		}
		if r.PingTimeouts != p.Failures {
			t.Errorf("rep %d: %d failed probes, want %d", r.Rep, r.PingTimeouts, p.Failures)
		}
		if r.SelfBreaks() != p.Failures {
			t.Errorf("rep %d: %d NAT breaks, want %d", r.Rep, r.SelfBreaks(), p.Failures)
		}
		last := r.Intervals[len(r.Intervals)-1]
		if r.SettledAt != last.From {
			t.Errorf("rep %d: settled at %v, want the lock at %v", r.Rep, r.SettledAt, last.From)
		}
	}
}

// TestProbeConvergesWithinItsPromise: behind NATs of several timeouts, both
// searches settle within PromisedProbes pings, on an interval that survives
// and is within the resolution of the NAT (or on max, beyond it).
func TestProbeConvergesWithinItsPromise(t *testing.T) {
	for _, search := range []sim.SearchKind{sim.SearchBinary, sim.SearchExponential} {
		for _, nat := range []time.Duration{7 * time.Minute, 10 * time.Minute, 13*time.Minute + 20*time.Second, 27 * time.Minute, time.Hour} {
			cfg := quiet(10 * time.Minute)
			cfg.Horizon = 2 * 24 * time.Hour
			cfg.Network.NATIdleTimeout = nat
			pr := sim.DefaultProbe()
			pr.Search = search
			cfg.App.Policy = sim.Policy{Kind: sim.PolicyProbe, Probe: pr}
			promised := pr.PromisedProbes()
			for _, r := range runAll(t, &cfg, 3) {
				if r.SettledAt == sim.Unresolved {
					t.Errorf("%s, NAT %v, rep %d: never settled", search, nat, r.Rep)
					continue
				}
				pings := pingsUntil(t, cfg, r.Rep, r.SettledAt)
				// The first ping comes at a random phase of the first
				// interval and tests nothing.
				if probes := pings - 1; probes > promised {
					t.Errorf("%s, NAT %v, rep %d: %d probes, promised %d", search, nat, r.Rep, probes, promised)
				}
				got := r.Intervals[len(r.Intervals)-1].Interval
				switch {
				case nat > pr.Max && got != pr.Max:
					t.Errorf("%s, NAT %v: settled on %v, want max %v", search, nat, got, pr.Max)
				case nat <= pr.Max && (got >= nat || nat-got > pr.Resolution):
					t.Errorf("%s, NAT %v: settled on %v, want within %v below the NAT", search, nat, got, pr.Resolution)
				}
			}
		}
	}
}

// pingsUntil counts the pings of replication rep of cfg up to time t.
func pingsUntil(t *testing.T, cfg sim.Config, rep int, until time.Duration) int {
	t.Helper()
	rec := &traceRecorder{}
	if _, err := sim.Run(&cfg, rep, sim.Options{Tracer: rec}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range rec.ev {
		if e.Kind == sim.TracePingSent && e.At <= until {
			n++
		}
	}
	return n
}

// TestPolicyBelowThePlatformFloorIsClamped: on iOS 6 (keepalive minimum
// 600 s) an adaptive policy starting at 270 s runs at 600 s, and the
// configuration says so.
func TestPolicyBelowThePlatformFloorIsClamped(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Horizon = 2 * 24 * time.Hour
	cfg.App.Interval = 270 * time.Second
	cfg.App.Policy = sim.Policy{Kind: sim.PolicyAdaptive, Adaptive: sim.MarsAdaptive()}
	found := false
	for _, w := range cfg.Warnings() {
		found = found || w.Kind == sim.WarnPolicyClamped && strings.Contains(w.String(), "app.heartbeat.policy adaptive") && strings.Contains(w.String(), "clamps them to 10m")
	}
	if !found {
		t.Errorf("no clamp warning in %q", cfg.Warnings())
	}
	for _, r := range runAll(t, &cfg, 3) {
		for _, s := range r.Intervals {
			if s.Interval < cfg.Platform.KeepaliveMin {
				t.Errorf("rep %d ran at %v, below the floor", r.Rep, s.Interval)
			}
		}
	}
}

// TestFixedPolicyKeepsOneInterval: the default policy runs at the effective
// interval from start to end and is settled from the start.
func TestFixedPolicyKeepsOneInterval(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Horizon = 24 * time.Hour
	cfg.App.Interval = 5 * time.Minute
	for _, r := range runAll(t, &cfg, 2) {
		if got := intervalsOf(r); !slices.Equal(got, []time.Duration{cfg.EffectiveInterval()}) || r.SettledAt != 0 {
			t.Errorf("rep %d: intervals %v, settled at %v", r.Rep, got, r.SettledAt)
		}
	}
}

// TestFixedIgnoresOtherPoliciesParameters: the scenario decoder fills in
// every policy's defaults; under the fixed policy they change nothing, so a
// fixed run is the same Result as a run of a Config that never heard of
// policies.
func TestFixedIgnoresOtherPoliciesParameters(t *testing.T) {
	bare := testcfg.Classic()
	bare.Horizon = 2 * 24 * time.Hour
	decoded := bare
	decoded.App.Policy = sim.Policy{Kind: sim.PolicyFixed, Adaptive: sim.MarsAdaptive(), Probe: sim.DefaultProbe()}
	a, b := runAll(t, &bare, 3), runAll(t, &decoded, 3)
	if !reflect.DeepEqual(a, b) {
		t.Error("the unused policies' parameters changed a fixed run")
	}
}

// BenchmarkReplicationAdaptive is the classic week with the Mars policy
// behind a 10 min NAT on an always-awake device: the policy's bookkeeping
// should not cost allocations per event.
func BenchmarkReplicationAdaptive(b *testing.B) {
	cfg := testcfg.Classic()
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.App.Interval = 270 * time.Second
	cfg.App.Policy = sim.Policy{Kind: sim.PolicyAdaptive, Adaptive: sim.MarsAdaptive()}
	cfg.Network.NATIdleTimeout = 10 * time.Minute
	events := benchReplications(b, &cfg)
	b.ReportMetric(float64(events)/float64(b.N), "events/rep")
}

// TestMovingPolicyWarnings: a moving policy is not warned about the fixed
// interval it does not run at, nor about a NAT it is meant to find.
func TestMovingPolicyWarnings(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.App.Interval = time.Hour
	cfg.Network.NATIdleTimeout = 20 * time.Minute
	if len(cfg.Warnings()) == 0 {
		t.Fatal("a fixed hour behind a 20 min NAT should warn")
	}
	cfg.App.Policy = sim.Policy{Kind: sim.PolicyProbe, Probe: sim.DefaultProbe()}
	if w := cfg.Warnings(); len(w) != 0 {
		t.Errorf("probe: %v", w)
	}
}
