package sim_test

import (
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// quiet is an always-awake device with a fixed 80 ms RTT and nothing else
// going on: no user, no pushes, no NAT, no server idle timeout. Pings are
// timer-driven, exactly every T, which is what the closed forms assume.
func quiet(T time.Duration) sim.Config {
	cfg := testcfg.Classic()
	cfg.Name = "quiet"
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.App.Interval = T
	cfg.User = sim.User{}
	cfg.Network = sim.Network{RTT: sim.Fixed(80 * time.Millisecond), ConnectTime: sim.Fixed(300 * time.Millisecond)}
	cfg.Server = sim.Server{}
	return cfg
}

func runAll(t *testing.T, cfg *sim.Config, reps int) []sim.Result {
	t.Helper()
	out := make([]sim.Result, reps)
	var w sim.World
	for rep := range reps {
		r, err := w.Run(cfg, rep, sim.Options{Check: true})
		if err != nil {
			t.Fatal(err)
		}
		out[rep] = r
	}
	return out
}

// firstOf is when the first trace record of kind k comes in replication rep
// of cfg: where the random phase put a periodic schedule. The phase does not
// depend on the horizon, so a test may read it and then set the horizon.
func firstOf(t *testing.T, cfg sim.Config, rep int, k sim.TraceKind) time.Duration {
	t.Helper()
	f := &firstRecord{kind: k, at: -1}
	if _, err := sim.Run(&cfg, rep, sim.Options{Tracer: f}); err != nil {
		t.Fatal(err)
	}
	if f.at < 0 {
		t.Fatalf("no %v record", k)
	}
	return f.at
}

type firstRecord struct {
	kind sim.TraceKind
	at   time.Duration
}

func (f *firstRecord) Trace(e sim.TraceEvent) {
	if e.Kind == f.kind && f.at < 0 {
		f.at = e.At
	}
}

// meanSE is the sample mean and its standard error.
func meanSE(xs []float64) (mean, se float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1) / float64(len(xs)))
}

// With pings exactly every T, a timeout τ and silent breaks at Poisson times
// (so at a uniform phase of the ping cycle), the client learns of a break at
// the first ping after it plus τ: on average T/2 + τ.
func TestClientDetectionIsHalfIntervalPlusTimeout(t *testing.T) {
	for _, tc := range []struct {
		T, timeout time.Duration
	}{
		{10 * time.Minute, 30 * time.Second},
		{4 * time.Minute, 10 * time.Second},
		{25 * time.Minute, time.Minute},
	} {
		cfg := quiet(tc.T)
		cfg.App.Timeout = tc.timeout
		cfg.Network.Outages = &sim.Outages{Every: sim.Dist{Kind: sim.Exp, Value: 8 * time.Hour}, Duration: sim.Fixed(time.Second)}
		var lat []float64
		for _, r := range runAll(t, &cfg, 120) {
			for _, b := range r.Breaks {
				if b.Client != sim.Unresolved {
					lat = append(lat, b.Client.Seconds())
				}
			}
		}
		mean, se := meanSE(lat)
		want := tc.T.Seconds()/2 + tc.timeout.Seconds()
		if math.Abs(mean-want) > 4*se {
			t.Errorf("T=%v τ=%v: mean client detection %.1fs ± %.1fs over %d breaks, want T/2+τ = %.1fs",
				tc.T, tc.timeout, mean, se, len(lat), want)
		}
	}
}

// With a silent client-side outage longer than the server's idle timeout S,
// the server learns of the break S after the last ping it heard: on average
// S − T/2.
func TestServerDetectionIsIdleTimeoutMinusHalfInterval(t *testing.T) {
	for _, tc := range []struct {
		T        time.Duration
		multiple float64
	}{
		{10 * time.Minute, 1.5},
		{5 * time.Minute, 2},
	} {
		cfg := quiet(tc.T)
		cfg.Server.IdleTimeoutMultiple = tc.multiple
		cfg.Network.Outages = &sim.Outages{Every: sim.Dist{Kind: sim.Exp, Value: 8 * time.Hour}, Duration: sim.Fixed(2 * time.Hour)}
		var lat []float64
		for _, r := range runAll(t, &cfg, 120) {
			for _, b := range r.Breaks {
				if b.Server != sim.Unresolved {
					lat = append(lat, b.Server.Seconds())
				}
			}
		}
		mean, se := meanSE(lat)
		S := tc.multiple * tc.T.Seconds()
		want := S - tc.T.Seconds()/2
		if math.Abs(mean-want) > 4*se {
			t.Errorf("T=%v S=%gs: mean server detection %.1fs ± %.1fs over %d breaks, want S−T/2 = %.1fs",
				tc.T, S, mean, se, len(lat), want)
		}
	}
}

// Periodic pings far enough apart for the radio to fall idle between them
// each cost exactly one promotion, an RTT of active time and the whole tail.
func TestRadioEnergyOfPeriodicPings(t *testing.T) {
	rtt := 80 * time.Millisecond
	for _, radio := range []sim.Radio{
		testcfg.LTERadio(),
		{Name: "3g", Promotion: 2 * time.Second, PromotionPower: 0.6, ActivePower: 0.8,
			Tail: []sim.TailStage{{For: 5 * time.Second, Power: 0.8}, {For: 12 * time.Second, Power: 0.46}}},
		{Name: "wifi", ActivePower: 0.403, Tail: []sim.TailStage{{For: 250 * time.Millisecond, Power: 0.403}}},
	} {
		for _, T := range []time.Duration{time.Minute, 10 * time.Minute, 27 * time.Minute} {
			cfg := quiet(T)
			cfg.Radio = radio
			// The first ping comes at a random phase t0 of the cycle; end the
			// run 30 s after the last ping of a week, so that no ping's radio
			// cycle (at most 20 s) straddles the end.
			cfg.Horizon = 7 * 24 * time.Hour
			t0 := firstOf(t, cfg, 0, sim.TracePingSent)
			pings := int((cfg.Horizon-t0)/T) + 1
			cfg.Horizon = t0 + time.Duration(pings-1)*T + 30*time.Second
			r := runAll(t, &cfg, 1)[0]

			perPing := radio.PromotionPower*radio.Promotion.Seconds() + radio.ActivePower*rtt.Seconds()
			for _, st := range radio.Tail {
				perPing += st.Power * st.For.Seconds()
			}
			if r.Pings != pings || r.Promotions != pings {
				t.Fatalf("%s T=%v: %d pings and %d promotions, want %d of each", radio.Name, T, r.Pings, r.Promotions, pings)
			}
			hours := cfg.Horizon.Hours()
			got, want := r.RadioJ/hours, perPing*float64(pings)/hours
			if math.Abs(got-want) > 1e-9*want {
				t.Errorf("%s T=%v: radio %.9f J/h, want %.9f J/h (%.6f J per ping × %.3f pings/h)",
					radio.Name, T, got, want, perPing, 3600/T.Seconds())
			}
			if r.CPUJ != 0 {
				t.Errorf("%s T=%v: always-awake CPU energy %g J, want 0 (the baseline)", radio.Name, T, r.CPUJ)
			}
		}
	}
}

// A radio with a shared channel (3G FACH) carries each ping with a cell
// update, the round trip and the FACH timer on the shared stage, then rests
// in the paging stage until the next ping or the end of that stage.
func TestRadioEnergyOfPeriodicPingsOnTheSharedChannel(t *testing.T) {
	rtt := 80 * time.Millisecond
	radio := sim.Radio{Name: "shared", Promotion: 2 * time.Second, PromotionPower: 0.6, ActivePower: 0.8,
		Tail:         []sim.TailStage{{For: 5 * time.Second, Power: 0.8}, {For: 3 * time.Second, Power: 0.46}, {For: 7 * time.Minute, Power: 0.025}},
		SmallPackets: &sim.SmallPackets{Stage: 1, Promotion: 500 * time.Millisecond, PromotionPower: 0.3}}
	sp, fach, pch := radio.SmallPackets, radio.Tail[1], radio.Tail[2]
	for _, T := range []time.Duration{20 * time.Second, 5 * time.Minute, 10 * time.Minute} {
		cfg := quiet(T)
		cfg.Radio = radio
		// n pings from the first at t0 (a random phase), the run ending
		// half a cycle after the last.
		cfg.Horizon = 2 * 24 * time.Hour
		t0 := firstOf(t, cfg, 0, sim.TracePingSent)
		n := int((cfg.Horizon-t0)/T) + 1
		cfg.Horizon = t0 + time.Duration(n-1)*T + T/2
		r := runAll(t, &cfg, 1)[0]

		busy := sp.Promotion + rtt + fach.For // from each ping to the paging stage
		perPing := sp.PromotionPower*sp.Promotion.Seconds() + fach.Power*(rtt+fach.For).Seconds()
		between := min(T-busy, pch.For) // paging time after every ping but the last
		last := min(T/2-busy, pch.For)
		want := float64(n)*perPing + pch.Power*(time.Duration(n-1)*between+last).Seconds()
		if r.Pings != n || r.Promotions != n {
			t.Fatalf("T=%v: %d pings and %d promotions, want %d of each", T, r.Pings, r.Promotions, n)
		}
		if math.Abs(r.RadioJ-want) > 1e-9*want {
			t.Errorf("T=%v: radio %.6f J, want %.6f J", T, r.RadioJ, want)
		}
		if r.RadioTime[sim.RadioActive] != 0 {
			t.Errorf("T=%v: %v on the dedicated channel, want none (pings are small)", T, r.RadioTime[sim.RadioActive])
		}
	}
}
