package compare

import (
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/stats/hist"
)

// The latency pools, in the order of Rep.Latency: each replication's
// resolved latencies, in nanoseconds.
const (
	poolClient = iota
	poolServer
	poolRecover
	poolPush
	numPools
)

// Rep is what compare keeps of one replication beyond the rates of
// stats.RepScalars: its counts, its interval over time (also under a fixed
// policy, where it is the interval), and its latency histograms, so that
// totals, pooled percentiles and worst deciles can be paired replication by
// replication. A Rep's size does not grow with the horizon or the push rate:
// the histograms are packed (package hist), each at most one entry per
// non-empty bucket (see hist.Mixture for the bound).
type Rep struct {
	Rep    int          `json:"rep"`
	Counts stats.Counts `json:"counts"`
	// ClientCensored and ServerCensored count the breaks a side had not
	// learned of when the run ended (stats.Counts has the recovery's).
	ClientCensored int `json:"client_censored"`
	ServerCensored int `json:"server_censored"`
	// Interval is the interval over time in seconds: its time-weighted
	// mean, 5th and 95th percentiles, and the settling time; Unsettled is 1
	// when the policy never settled.
	Interval  [4]float64 `json:"interval"`
	Unsettled int        `json:"unsettled"`
	// Latency holds the pools client, server, recover and push.
	Latency [numPools]hist.Histogram `json:"latency"`
}

// collect is replication r's Rep, counted as stats.Accumulator counts it.
// scratch are empty histograms to record the break latencies in before each
// is packed into the Rep (their storage is reused, so that a replication
// allocates only its packed buckets); collect leaves them empty.
func collect(r *sim.Result, scratch *[poolPush]hist.Histogram) Rep {
	p := Rep{Rep: r.Rep, Counts: stats.CountsOf(r)}
	for _, b := range r.Breaks {
		if b.Client == sim.Unresolved {
			p.ClientCensored++
		} else {
			scratch[poolClient].Record(int64(b.Client))
		}
		if b.Server == sim.Unresolved {
			p.ServerCensored++
		} else {
			scratch[poolServer].Record(int64(b.Server))
		}
		if b.Recover != sim.Unresolved {
			scratch[poolRecover].Record(int64(b.Recover))
		}
	}
	for i := range scratch {
		p.Latency[i] = scratch[i].Packed()
		scratch[i].Reset()
	}
	p.Latency[poolPush] = r.PushLatency.Packed()
	p.Interval = [4]float64{stats.IntervalMean(r).Seconds(), stats.IntervalQuantile(r, 0.05).Seconds(),
		stats.IntervalQuantile(r, 0.95).Seconds(), stats.SettleTime(r).Seconds()}
	if r.SettledAt == sim.Unresolved {
		p.Unsettled = 1
	}
	return p
}
