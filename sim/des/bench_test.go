package des

import (
	"math/rand/v2"
	"testing"
	"time"
)

// BenchmarkHold is the classic hold model: a queue of n pending timers, each
// fired event schedules one more at a random later time, and one in eight also
// reschedules a pending timer (a reset tail or idle timer). It reports events
// per second; steady state must allocate nothing.
func BenchmarkHold(b *testing.B) {
	for _, n := range []int{16, 1024} {
		b.Run(map[int]string{16: "pending=16", 1024: "pending=1024"}[n], func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			var e Engine
			timers := make([]Timer, n)
			for i := range timers {
				timers[i] = e.At(time.Duration(rng.Int64N(int64(time.Minute))), 0, int64(i))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ev, _, _ := e.Next(1 << 62)
				id := ev.Arg
				timers[id] = e.At(ev.At+time.Duration(rng.Int64N(int64(time.Minute))), 0, id)
				if i%8 == 0 {
					other := rng.IntN(n)
					e.Reschedule(timers[other], ev.At+time.Duration(rng.Int64N(int64(time.Minute))))
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
