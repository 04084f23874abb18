package reports

import "time"

// tlTickSteps are the steps the timeline's time axis may use.
var tlTickSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour, 48 * time.Hour,
	7 * 24 * time.Hour, 14 * 24 * time.Hour, 28 * 24 * time.Hour, 91 * 24 * time.Hour,
}

// tlTickStep is the smallest step that puts at most maxTicks ticks in length.
func tlTickStep(length time.Duration, maxTicks int) time.Duration {
	for _, s := range tlTickSteps {
		if length/s <= time.Duration(maxTicks) {
			return s
		}
	}
	return tlTickSteps[len(tlTickSteps)-1]
}

// tlTicks are the multiples of step inside win.
func tlTicks(win Window, step time.Duration) []time.Duration {
	var t []time.Duration
	first := (win.From + step - 1) / step * step
	for x := first; x <= win.To; x += step {
		t = append(t, x)
	}
	return t
}
