package timeline

import (
	"time"

	"pingtune/reports/trace"
)

// tickSteps are the steps the timeline's time axis may use.
var tickSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 48 * time.Hour,
	7 * 24 * time.Hour, 14 * 24 * time.Hour, 28 * 24 * time.Hour, 91 * 24 * time.Hour,
}

// tickStep is the smallest step that puts at most maxTicks ticks in length.
func tickStep(length time.Duration, maxTicks int) time.Duration {
	for _, s := range tickSteps {
		if length/s <= time.Duration(maxTicks) {
			return s
		}
	}
	return tickSteps[len(tickSteps)-1]
}

// ticks are the multiples of step inside win.
func ticks(win trace.Window, step time.Duration) []time.Duration {
	var t []time.Duration
	first := (win.From + step - 1) / step * step
	for x := first; x <= win.To; x += step {
		t = append(t, x)
	}
	return t
}
