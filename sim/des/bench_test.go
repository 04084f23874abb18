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

// BenchmarkPingPattern is the engine's share of one always-awake heartbeat
// (the analytic always-awake job): the heartbeat fires and sets the next one
// five minutes on, the ping waits for the radio's promotion, hops to the
// server and back (one event a hop), and its pong cancels the ping timeout;
// a restart generator waits a day ahead. It reports ns per ping.
func BenchmarkPingPattern(b *testing.B) {
	const (
		kHeartbeat Kind = iota
		kUplink
		kAtServer
		kDownlink
		kTimeout
		kRestart
	)
	var e Engine
	var heartbeat, timeout Timer
	b.ReportAllocs()
	for b.Loop() {
		if e.Len() == 0 || e.Now() > 1000*time.Hour { // a new run, well before the clock could overflow
			e.Reset(0)
			heartbeat, timeout = Timer{}, Timer{}
			e.Set(&heartbeat, 5*time.Minute, kHeartbeat, 0)
			e.At(24*time.Hour, kRestart, 0)
		}
		for {
			ev, _, _ := e.Next(1 << 62)
			now := ev.At
			switch ev.Kind {
			case kHeartbeat:
				e.At(now+260*time.Millisecond, kUplink, 0)
				e.Set(&timeout, now+30*time.Second, kTimeout, 0)
				e.Set(&heartbeat, now+5*time.Minute, kHeartbeat, 0)
				continue
			case kUplink:
				e.At(now+40*time.Millisecond, kAtServer, 0)
				continue
			case kAtServer:
				e.At(now+40*time.Millisecond, kDownlink, 0)
				continue
			case kDownlink:
				e.Stop(&timeout)
			case kRestart:
				e.At(now+24*time.Hour, kRestart, 0)
				continue
			}
			break
		}
	}
}
