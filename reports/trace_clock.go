package reports

import (
	"fmt"
	"time"

	"pingtune/sim"
)

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

// tlAxisClock writes a time from the scenario's start as h:mm, or h:mm:ss
// when it is not a whole minute (the timeline's axis).
func tlAxisClock(d time.Duration) string {
	if d%time.Minute != 0 {
		return Clock(d)
	}
	return fmt.Sprintf("%d:%02d", d/time.Hour, (d%time.Hour)/time.Minute)
}

// tlLatency writes a duration for a reader: 30s, 9m42s, 1h05m, 340ms.
func tlLatency(d time.Duration) string { return Dur(d.Seconds()) }

// tlSetting writes a configured duration as a scenario would: 20m, 30s,
// 350s; a long one that is not a whole number of minutes (an idle timeout
// of 1.5x 25m) as 37m30s.
func tlSetting(d time.Duration) string {
	if d >= 10*time.Minute && d%time.Minute != 0 && d%time.Second == 0 {
		return Dur(d.Seconds())
	}
	return sim.FormatDuration(d)
}
