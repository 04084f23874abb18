package sim

import (
	"fmt"
	"testing"
)

func TestSmoke(t *testing.T) {
	cfg := classic()
	for rep := 0; rep < 2; rep++ {
		r, err := Run(&cfg, rep, Options{Check: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%+v\n", r.Wakeups)
		fmt.Printf("events %d promos %d radioJ %.1f cpuJ %.1f cpu %v up %v kills %d pings %d pongs %d to %d false %d conn %d fail %d\n",
			r.Events, r.Promotions, r.RadioJ, r.CPUJ, r.CPUTime, r.UpTime, r.Kills, r.Pings, r.Pongs, r.PingTimeouts, r.FalseTimeouts, r.Connects, r.ConnectFails)
		fmt.Printf("pushes %+v\n", r.Pushes)
		for _, b := range r.Breaks {
			fmt.Printf("  %v at %v client %v server %v rec %v\n", b.Cause, b.At, b.Client, b.Server, b.Recover)
		}
	}
}
