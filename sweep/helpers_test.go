package sweep

import (
	"time"

	"pingtune/sim"
	"pingtune/stats"
	"pingtune/stats/hist"
)

// pt builds a summarised interval by hand: the per-replication battery use
// and the pooled client detection latencies; the rest is fixed.
func pt(intervalS, effS float64, battery []float64, client []float64) stats.Point {
	p := stats.Point{Scenario: "constructed", Seed: 1, Replications: len(battery), HorizonS: 7 * 86400,
		IntervalS: intervalS, EffectiveIntervalS: effS, Warnings: []sim.Warning{}}
	p.Reps = make([]stats.RepValues, len(battery))
	avail := make([]float64, len(battery))
	for i, b := range battery {
		p.Reps[i] = stats.RepValues{BatteryPctPerDay: b, Availability: 0.99, WakeupsPerHour: 3600 / effS}
		avail[i] = 0.99
	}
	m := &p.Metrics
	m.BatteryPctPerDay = stats.MeanCI(battery)
	m.Availability = stats.MeanCI(avail)
	m.WakeupsPerHour = stats.MeanCI(make([]float64, len(battery)))
	m.DetectClientS = stats.Pool(client, 0)
	p.ClientDetect = histOf(client)
	return p
}

// around is n replications spread evenly around mean (±spread).
func around(mean, spread float64, n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = mean + spread*(2*float64(i)/float64(n-1)-1)
	}
	return xs
}

// shifted adds d to every replication: a paired difference of exactly d.
func shifted(xs []float64, d float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x + d
	}
	return out
}

// latencies is n detection latencies spread evenly over [0, max] seconds.
func latencies(n int, max float64) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = max * float64(i+1) / float64(n)
	}
	return xs
}

// histOf is a histogram of latencies given in seconds, as Summarize keeps
// them (nanoseconds).
func histOf(seconds []float64) *hist.Histogram {
	var h hist.Histogram
	for _, s := range seconds {
		h.Record(int64(s * float64(time.Second)))
	}
	return &h
}
