// Package durfmt writes durations for people, each way in one place:
//
//   - Human: a latency or a span, two units at most (340ms, 42.5s, 12m30s, 3h05m, 2d4h);
//   - Clock and AxisClock: a time from the scenario's start (26:03:07, 26:00);
//   - Setting: a configured duration as a scenario would write it (20m, 350s, 37m30s).
//
// A duration as the scenario's YAML writes it is sim.FormatDuration.
package durfmt

import (
	"fmt"
	"math"
	"time"

	"pingtune/sim"
)

// Human writes seconds as a short human duration: 340ms, 42.5s, 12m30s, 3h05m, 2d4h.
func Human(s float64) string {
	switch {
	case math.IsInf(s, 1):
		return "∞"
	case math.IsInf(s, -1):
		return "-∞"
	case math.IsNaN(s):
		return "–"
	case s == 0:
		return "0s"
	case s < 1:
		return fmt.Sprintf("%.3gms", s*1000)
	case s < 60:
		return fmt.Sprintf("%.3gs", s)
	}
	d := time.Duration(math.Round(s)) * time.Second
	// Two units at most, the smaller dropped when it is zero: 12m30s, 10m, 3h05m, 7d.
	two := func(big, small time.Duration, bigName, smallName, smallFmt string) string {
		if d%big == 0 || d/big >= 100 {
			return fmt.Sprintf("%d%s", (d+big/2)/big, bigName)
		}
		return fmt.Sprintf("%d%s"+smallFmt+"%s", d/big, bigName, (d%big)/small, smallName)
	}
	switch {
	case d < time.Hour:
		return two(time.Minute, time.Second, "m", "s", "%02d")
	case d < 24*time.Hour:
		return two(time.Hour, time.Minute, "h", "m", "%02d")
	}
	return two(24*time.Hour, time.Hour, "d", "h", "%d")
}

// Clock writes a time from the scenario's start as h:mm:ss, hours not
// wrapping at a day (26:00:00 is `at: 26h` in a scenario), with tenths of a
// second when the time is not whole: 0:10:00, 26:03:07, 2:14:05.3.
func Clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Round(100 * time.Millisecond)
	h, m, s := d/time.Hour, (d%time.Hour)/time.Minute, (d%time.Minute)/time.Second
	if tenth := (d % time.Second) / (100 * time.Millisecond); tenth != 0 {
		return fmt.Sprintf("%s%d:%02d:%02d.%d", sign, h, m, s, tenth)
	}
	return fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, s)
}

// AxisClock writes a time from the scenario's start as h:mm, or h:mm:ss
// when it is not a whole minute (the timeline's axis).
func AxisClock(d time.Duration) string {
	if d%time.Minute != 0 {
		return Clock(d)
	}
	return fmt.Sprintf("%d:%02d", d/time.Hour, (d%time.Hour)/time.Minute)
}

// Setting writes a configured duration as a scenario would: 20m, 30s,
// 350s; a long one that is not a whole number of minutes (an idle timeout
// of 1.5x 25m) as 37m30s.
func Setting(d time.Duration) string {
	if d >= 10*time.Minute && d%time.Minute != 0 && d%time.Second == 0 {
		return Human(d.Seconds())
	}
	return sim.FormatDuration(d)
}
