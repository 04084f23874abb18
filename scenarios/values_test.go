package scenarios

import (
	"math"
	"slices"
	"testing"
	"time"

	"pingtune/sim"
)

func TestParseDuration(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
	}{
		{"0", 0}, {"-0", 0}, {"0s", 0}, {"7d", 7 * 24 * time.Hour}, {"12h", 12 * time.Hour}, {"10m", 10 * time.Minute},
		{"90s", 90 * time.Second}, {"250ms", 250 * time.Millisecond}, {"11.576s", 11576 * time.Millisecond},
		{"1.5h", 90 * time.Minute}, {"1h30m", 90 * time.Minute}, {"1d12h", 36 * time.Hour}, {"-5s", -5 * time.Second},
		{"+5s", 5 * time.Second}, {".5s", 500 * time.Millisecond}, {"5.s", 5 * time.Second}, {"500us", 500 * time.Microsecond},
		{"500µs", 500 * time.Microsecond}, {"3ns", 3}, {"0.1h", 6 * time.Minute}, {"1.000000001s", time.Second + 1},
		{"0.33333333333333333333d", 8*time.Hour - 1}, // truncated to the nanosecond
		{"106751d23h47m16.854775807s", math.MaxInt64}, {"1m1m", 2 * time.Minute},
	} {
		got, err := ParseDuration(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"", "empty duration (e.g. 10m, 1h30m, 250ms)"},
		{"600", `missing unit in duration "600" (e.g. 600s; units: d, h, m, s, ms)`},
		{"1.5", `missing unit in duration "1.5" (e.g. 1.5s; units: d, h, m, s, ms)`},
		{"1h30", `missing unit after 30 in duration "1h30" (units: d, h, m, s, ms)`},
		{"10x", `unknown unit "x" in duration "10x" (units: d, h, m, s, ms)`},
		{"10min", `unknown unit "min" in duration "10min" (write 10m; units: d, h, m, s, ms)`},
		{"2 hours", `unknown unit "hours" in duration "2 hours" (write 2h; units: d, h, m, s, ms)`},
		{"10M", `unknown unit "M" in duration "10M" (write 10m; units: d, h, m, s, ms)`},
		{"1 week", `unknown unit "week" in duration "1 week" (write 7d; units: d, h, m, s, ms)`},
		{"2weeks", `unknown unit "weeks" in duration "2weeks" (write 14d; units: d, h, m, s, ms)`},
		{"1.5 wk", `unknown unit "wk" in duration "1.5 wk" (write 10.5d; units: d, h, m, s, ms)`},
		{"3 fortnights", `unknown unit "fortnights" in duration "3 fortnights" (units: d, h, m, s, ms)`},
		{"abc", `invalid duration "abc" (e.g. 10m, 1h30m, 250ms)`},
		{"1h 30m", `spaces are not allowed in duration "1h 30m" (write 1h30m)`},
		{" 10m", `spaces are not allowed in duration " 10m" (write 10m)`},
		{"-", `invalid duration "-" (e.g. 10m, 1h30m, 250ms)`},
		{".s", `invalid duration ".s" (e.g. 10m, 1h30m, 250ms)`},
		{"1e3s", `unknown unit "e" in duration "1e3s" (units: d, h, m, s, ms)`},
		{"106751d23h47m16.854775808s", `duration "106751d23h47m16.854775808s" is out of range (at most about 106751d)`},
		{"99999999999999999999s", `duration "99999999999999999999s" is out of range (at most about 106751d)`},
		{"200000d", `duration "200000d" is out of range (at most about 106751d)`},
	} {
		_, err := ParseDuration(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseDuration(%q) error %v\nwant %s", c.in, err, c.want)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for _, c := range []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"}, {7 * 24 * time.Hour, "7d"}, {26 * time.Hour, "26h"}, {90 * time.Minute, "90m"}, {90 * time.Second, "90s"},
		{11576 * time.Millisecond, "11.576s"}, {250 * time.Millisecond, "250ms"}, {500 * time.Microsecond, "0.5ms"},
		{1, "0.000001ms"}, {time.Second + 1, "1.000000001s"}, {-5 * time.Second, "-5s"},
		{math.MaxInt64, "9223372036.854775807s"}, {math.MinInt64, "-9223372036.854775808s"},
	} {
		if got := sim.FormatDuration(c.in); got != c.want {
			t.Errorf("sim.FormatDuration(%d) = %q, want %q", c.in, got, c.want)
		}
	}
	// Every duration ParseDuration can give formats back to itself.
	for _, d := range []time.Duration{1, 999, 1001, 123456789, 3*time.Hour + 7, math.MaxInt64, -math.MaxInt64, 86399999999999} {
		back, err := ParseDuration(sim.FormatDuration(d))
		if err != nil || back != d {
			t.Errorf("ParseDuration(sim.FormatDuration(%d)) = %d, %v", d, back, err)
		}
	}
}

func TestParseIntervals(t *testing.T) {
	m := time.Minute
	for _, c := range []struct {
		in   string
		want []time.Duration
	}{
		{"10m", []time.Duration{10 * m}},
		{"5m,10m,20m", []time.Duration{5 * m, 10 * m, 20 * m}},
		{"20m, 5m", []time.Duration{5 * m, 20 * m}},
		{"5m:8m:1m", []time.Duration{5 * m, 6 * m, 7 * m, 8 * m}},
		{"5m:9m:2m", []time.Duration{5 * m, 7 * m, 9 * m}},
		{"5m:10m:2m", []time.Duration{5 * m, 7 * m, 9 * m}},
		{"1ms:1ms:1s", []time.Duration{time.Millisecond}},
	} {
		got, err := ParseIntervals(c.in)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseIntervals(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"", "empty duration (e.g. 10m, 1h30m, 250ms)"},
		{"10", `missing unit in duration "10" (e.g. 10s; units: d, h, m, s, ms)`},
		{"5m:30m", `want from:to:step like 5m:30m:1m, got "5m:30m"`},
		{"30m:5m:1m", "to 5m is before from 30m"},
		{"5m:30m:0s", "step must be positive (got 0s)"},
		{"0s:30m:1m", "from 0s is below the 1ms minimum interval"},
		{"1ms:1h:1ms", "1ms to 1h step 1ms is 3600000 intervals, more than the 1000 a sweep may have"},
		{"10m,0.5ms", "interval 0.5ms is below the 1ms minimum"},
		{"10m,10m", "interval 10m is listed twice"},
		{"10m,", "empty duration (e.g. 10m, 1h30m, 250ms)"},
	} {
		_, err := ParseIntervals(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseIntervals(%q) error %v\nwant %s", c.in, err, c.want)
		}
	}
}

func TestPower(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"1210mW", 1.21}, {"1.21W", 1.21}, {"250mW", 0.25}, {"0", 0}, {"0W", 0}, {"0mW", 0}, {"403mW", 0.403},
		{"1e3mW", 1}, {"0.5mW", 0.0005}, {"2.5e-1W", 0.25}, {"-1W", -1},
	} {
		got, err := parsePower(c.in)
		if err != nil || got != c.want {
			t.Errorf("parsePower(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"250", `missing unit in power "250" (e.g. 250mW; units: mW, W)`},
		{"1.2kW", `unknown unit "kW" in power "1.2kW" (units: mW, W)`},
		{"1.2 W", `unknown unit " W" in power "1.2 W" (units: mW, W)`},
		{"mW", `want a power like 250mW or 1.21W, got "mW"`},
		{"lots", `want a power like 250mW or 1.21W, got "lots"`},
		{"1e999W", `power "1e999W" is out of range`},
		{"NaNW", `want a power like 250mW or 1.21W, got "NaNW"`},
	} {
		_, err := parsePower(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("parsePower(%q) error %v\nwant %s", c.in, err, c.want)
		}
	}
	for _, c := range []struct {
		in   float64
		want string
	}{
		{1.21, "1210mW"}, {0.403, "403mW"}, {0.25, "250mW"}, {0, "0W"}, {0.0005, "0.5mW"}, {1e-9, "0.000001mW"},
		{1e-12, "0.000000001mW"}, {1e-15, "1e-15W"}, {12345.678, "12345678mW"}, {1e9, "1e+09W"},
		{math.Nextafter(0.3, 1), "0.30000000000000004W"},
	} {
		got := formatPower(c.in)
		if got != c.want {
			t.Errorf("formatPower(%v) = %q, want %q", c.in, got, c.want)
		}
		if back, err := parsePower(got); err != nil || back != c.in {
			t.Errorf("parsePower(formatPower(%v)) = %v, %v", c.in, back, err)
		}
	}
}

func TestMultiple(t *testing.T) {
	for in, want := range map[string]float64{"1.5x": 1.5, "2x": 2, "0x": 0, "-1x": -1, ".5x": 0.5} {
		if got, ok := parseMultiple(in); !ok || got != want {
			t.Errorf("parseMultiple(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"x", "1.5", "1.5X", "infx", "1.5 x", "1e999x"} {
		if _, ok := parseMultiple(in); ok {
			t.Errorf("parseMultiple(%q) ok", in)
		}
	}
}

func TestNumbers(t *testing.T) {
	for in, want := range map[string]float64{"12": 12, "0.2": 0.2, "-3": -3, "1e3": 1000, "50_000": 50000, ".5": 0.5} {
		if got, err := parseFloat(in); err != nil || got != want {
			t.Errorf("parseFloat(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "NaN", "inf", ".inf", "0x10", "1e999", "_1", "1_", "twelve", "1.2.3"} {
		if _, err := parseFloat(in); err == nil {
			t.Errorf("parseFloat(%q) ok", in)
		}
	}
	if _, err := parseInt("2e2", 64); err == nil || err.Error() != `want a whole number, got "2e2"` {
		t.Errorf("parseInt(2e2): %v", err)
	}
	if v, err := parseInt("50_000_000", 64); err != nil || v != 5e7 {
		t.Errorf("parseInt(50_000_000) = %v, %v", v, err)
	}
	if _, err := parseInt("99999999999999999999", 64); err == nil {
		t.Error("parseInt overflow ok")
	}
}

func TestRequirementString(t *testing.T) {
	for _, c := range []struct {
		r    Requirement
		want string
	}{
		{Requirement{"detect_client_p95", true, 1200}, "detect_client_p95 <= 20m"},
		{Requirement{"push_latency_p95", false, 0.25}, "push_latency_p95 >= 250ms"},
		{Requirement{"availability", false, 0.99}, "availability >= 0.99"},
		{Requirement{"battery_pct_per_day", true, 2}, "battery_pct_per_day <= 2"},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.r, got, c.want)
		}
	}
	// secondsToDuration inverts Duration.Seconds.
	for _, d := range []time.Duration{1, 999999999, 1234567890123, 3650 * 24 * time.Hour, 3650*24*time.Hour - 7} {
		if got := secondsToDuration(d.Seconds()); got.Seconds() != d.Seconds() {
			t.Errorf("secondsToDuration(%v) = %v", d.Seconds(), got)
		}
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"interval", "timeout", "foreground_interval"}
	for got, want := range map[string]string{"intervall": "interval", "Interval": "interval", "timout": "timeout",
		"foreground": "foreground_interval", "xyz": "", "in": ""} {
		if s := closest(got, known); s != want {
			t.Errorf("closest(%q) = %q, want %q", got, s, want)
		}
	}
}
