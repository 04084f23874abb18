package sim

import "math/rand/v2"

// stream names one independent source of randomness. Each gets its own PCG
// generator, so that drawing more from one (say, more RTT samples at a shorter
// interval) never shifts another (the outages, restarts, pushes and user
// sessions stay the same at every interval: common random numbers).
type stream uint64

const (
	streamUser stream = iota + 1
	streamOutages
	streamHandovers
	streamRestarts
	streamPushes
	streamKeepalive // platform jitter: how early the keepalive handler fires
	streamReconnect // backoff jitter
	streamLatency   // RTT and connect time
	streamPhase     // where each periodic schedule starts (see phase.go)
	streamPaging    // how long a packet for a sleeping radio waits for its paging occasion
	streamFleet     // each replication's NAT and server idle timeouts, when a fleet draws them (fleet.go)
	streamScreen    // screen-on sessions without the app (device_state.go)
	streamMotion    // periods of motion
	streamCharging  // periods on the charger
	streamFCM       // FCM delivery latency (fcm.go)
	streamDoze      // the length of Doze maintenance windows (doze.go)
	numStreams
)

// splitmix64 is Vigna's SplitMix64 finaliser, used to spread (seed,
// replication, stream) into well-mixed PCG seeds.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// seedStream sets p to the stream s of replication rep under seed.
func seedStream(p *rand.PCG, seed uint64, rep int, s stream) {
	a := splitmix64(seed ^ splitmix64(uint64(rep)^splitmix64(uint64(s))))
	b := splitmix64(a ^ 0x6a09e667f3bcc909)
	p.Seed(a, b)
}
