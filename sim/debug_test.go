package sim_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"pingtune/sim"
)

type ring struct{ lines []string }

func (r *ring) Trace(e sim.TraceEvent) {
	var s string
	if e.Kind == sim.TraceState {
		s = fmt.Sprintf("%v %s %s->%s", e.At, e.Lane, e.Lane.StateName(e.From), e.Lane.StateName(e.To))
	} else {
		s = fmt.Sprintf("%v %s cause=%d lat=%v id=%d", e.At, e.Kind, e.Cause, e.Latency, e.ID)
	}
	r.lines = append(r.lines, s)
	if len(r.lines) > 60 {
		r.lines = r.lines[1:]
	}
}

func TestDebugSeed(t *testing.T) {
	s := os.Getenv("SEED")
	if s == "" {
		t.Skip()
	}
	seed, _ := strconv.ParseUint(s, 10, 64)
	rep, _ := strconv.Atoi(os.Getenv("REP"))
	cfg := randomConfig(seed)
	fmt.Printf("%+v\n", cfg)
	var r ring
	_, err := sim.Run(&cfg, rep, sim.Options{Check: true, Tracer: &r})
	for _, l := range r.lines {
		fmt.Println(l)
	}
	fmt.Println(err)
}
