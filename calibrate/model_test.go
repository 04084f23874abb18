package calibrate

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"pingtune/scenarios"
	"pingtune/sim"
)

// rig is the measurement ExtraPower models, as a scenario for the simulator.
func rig(t *testing.T, radio sim.Radio, T, horizon time.Duration) sim.Config {
	t.Helper()
	s, err := scenarios.Parse("rig.yaml", []byte(`
name: rig
platform: always-awake
app: {heartbeat: {interval: 1m}}
network: {rtt: 80ms}
server: {idle_timeout: 0}
`))
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config.WithInterval(T)
	c.Radio, c.Horizon = radio, horizon
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

// simulatedPower is the radio's average power over a replication of the
// rig, leaving out the first keepalive cycles so that the warm-up (the
// radio idle before the first keepalive) does not count.
func simulatedPower(t *testing.T, radio sim.Radio, T time.Duration) float64 {
	t.Helper()
	long := rig(t, radio, T, 400*T+T/2)
	short := rig(t, radio, T, 40*T+T/2)
	a, err := sim.Run(&long, 0, sim.Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := sim.Run(&short, 0, sim.Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	return (a.RadioJ - b.RadioJ) / (360 * T).Seconds()
}

// ExtraPower follows the simulator's radio rules: on random radios, with and
// without a shared channel, at random intervals, the two agree.
func TestExtraPowerMatchesTheSimulator(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	d := func(lo, hi time.Duration) time.Duration {
		return lo + time.Duration(r.Int64N(int64(hi-lo))).Round(time.Millisecond)
	}
	for i := range 60 {
		radio := sim.Radio{Name: "random", Promotion: d(0, 3*time.Second), PromotionPower: r.Float64(), ActivePower: r.Float64()}
		for range r.IntN(4) + 1 {
			radio.Tail = append(radio.Tail, sim.TailStage{For: d(10*time.Millisecond, 2*time.Minute), Power: r.Float64()})
		}
		if r.IntN(2) == 0 {
			radio.SmallPackets = &sim.SmallPackets{Stage: r.IntN(len(radio.Tail)), Promotion: d(0, time.Second), PromotionPower: r.Float64()}
		}
		T := d(5*time.Second, 5*time.Minute)
		want := simulatedPower(t, radio, T)
		got := ExtraPower(&radio, T)
		if math.Abs(got-want) > 1e-6*max(want, 1e-3) {
			t.Errorf("case %d, T=%v, %+v (small %+v): model %.9f W, simulator %.9f W", i, T, radio, radio.SmallPackets, got, want)
		}
	}
}
