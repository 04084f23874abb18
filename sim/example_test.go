package sim_test

import (
	"fmt"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// An always-awake device pinging every 10 minutes over LTE, with nothing
// else happening: a week less a minute is 1007 or 1008 pings (the first comes
// at a random phase of the cycle), each costing one radio promotion, an 80 ms
// round trip and the 11.576 s tail.
func ExampleRun() {
	cfg := testcfg.Classic()
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.Horizon = 7*24*time.Hour - time.Minute
	cfg.User = sim.User{}
	cfg.Network = sim.Network{RTT: sim.Fixed(80 * time.Millisecond), ConnectTime: sim.Fixed(300 * time.Millisecond)}
	cfg.Server = sim.Server{}

	r, err := sim.Run(&cfg, 0, sim.Options{Check: true})
	if err != nil {
		panic(err)
	}
	fmt.Println("pings", r.Pings, "promotions", r.Promotions, "breaks", len(r.Breaks))
	fmt.Printf("radio %.1f J, %.2f J per ping\n", r.RadioJ, r.RadioJ/float64(r.Pings))
	// Output:
	// pings 1008 promotions 1008 breaks 0
	// radio 12783.4 J, 12.68 J per ping
}
