package scenarios_test

import (
	"fmt"
	"log"

	"pingtune/scenarios"
)

func ExampleLoad() {
	s, err := scenarios.Load("ios6-voip-lte")
	if err != nil {
		log.Fatal(err)
	}
	c := &s.Config
	fmt.Println(c.Name, "from", s.Source)
	fmt.Println("platform", c.Platform.Name, "keepalive minimum", c.Platform.KeepaliveMin)
	fmt.Println("radio", c.Radio.Name, "tail", c.Radio.Tail[0].For, "at", c.Radio.Tail[0].Power, "W")
	fmt.Println("interval", c.App.Interval, "server idle timeout", c.ServerIdleTimeout())
	fmt.Println(len(s.Sweep.Intervals), "intervals from", s.Sweep.Intervals[0], "to", s.Sweep.Intervals[len(s.Sweep.Intervals)-1])
	for _, r := range s.Sweep.Require {
		fmt.Println("require", r)
	}

	_, err = scenarios.Parse("mine.yaml", []byte("app:\n  heartbeat: {interval: 600}\n"))
	fmt.Println(err)
	// Output:
	// ios6-voip-lte from builtin:ios6-voip-lte
	// platform ios6 keepalive minimum 10m0s
	// radio lte tail 11.576s at 1.06 W
	// interval 10m0s server idle timeout 15m0s
	// 30 intervals from 1m0s to 30m0s
	// require detect_client_p95 <= 20m
	// require detect_server_p95 <= 12m
	// require battery_pct_per_day <= 19
	// mine.yaml:2:25: app.heartbeat.interval: missing unit in duration "600" (e.g. 600s; units: d, h, m, s, ms)
}
