package scenarios

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// The scalar syntaxes of the scenario language: durations (7d, 1h30m,
// 11.576s), powers (1210mW, 1.21W), multiples (1.5x) and plain numbers.
// Each parser has a formatter that writes a value back exactly, for Marshal.

const durationUnits = "units: d, h, m, s, ms"

// ParseDuration parses the scenario duration syntax: a sequence of decimal
// numbers, each with a unit, such as 7d, 12h, 10m, 90s, 250ms, 11.576s, 1.5h,
// 1h30m or 1d12h. The units are d (24h), h, m, s, ms, and for completeness us
// (or µs) and ns. A bare 0 is zero; any other number without a unit is an
// error. A leading - or + sign is allowed, so that validation can say that a
// negative value must be positive. Fractions are exact to the nanosecond.
func ParseDuration(s string) (time.Duration, error) {
	orig := s
	if s == "" {
		return 0, errors.New("empty duration (e.g. 10m, 1h30m, 250ms)")
	}
	if t := strings.Join(strings.Fields(s), ""); t != s && t != "" {
		if _, err := ParseDuration(t); err == nil {
			return 0, fmt.Errorf("spaces are not allowed in duration %q (write %s)", orig, t)
		}
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, fmt.Errorf("invalid duration %q (e.g. 10m, 1h30m, 250ms)", orig)
	}
	var total uint64
	for first := true; s != ""; first = false {
		// A number: digits, an optional fraction.
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		intDigits, fracDigits := s[:i], ""
		if i < len(s) && s[i] == '.' {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			fracDigits, i = s[i+1:j], j
		}
		if intDigits == "" && fracDigits == "" {
			return 0, fmt.Errorf("invalid duration %q (e.g. 10m, 1h30m, 250ms)", orig)
		}
		number := s[:i]
		s = s[i:]
		// Its unit.
		j := 0
		for j < len(s) && s[j] != '.' && !isDigit(s[j]) {
			j++
		}
		u := s[:j]
		s = s[j:]
		if u == "" {
			if first {
				return 0, fmt.Errorf("missing unit in duration %q (e.g. %ss; %s)", orig, number, durationUnits)
			}
			return 0, fmt.Errorf("missing unit after %s in duration %q (%s)", number, orig, durationUnits)
		}
		unit, ok := durationUnit(u)
		if !ok {
			if fix := unitFix(number, u); fix != "" {
				return 0, fmt.Errorf("unknown unit %q in duration %q (write %s; %s)", strings.TrimSpace(u), orig, fix, durationUnits)
			}
			return 0, fmt.Errorf("unknown unit %q in duration %q (%s)", strings.TrimSpace(u), orig, durationUnits)
		}
		v, ok := scaleDecimal(intDigits, fracDigits, unit)
		total += v
		if !ok || total > math.MaxInt64 {
			return 0, fmt.Errorf("duration %q is out of range (at most about %dd)", orig, math.MaxInt64/int64(24*time.Hour))
		}
	}
	if neg {
		return -time.Duration(total), nil
	}
	return time.Duration(total), nil
}

// scaleDecimal returns intDigits.fracDigits × unit, truncated to an integer,
// and whether it fits in an int64. Fraction digits beyond the 18th are ignored,
// far below a nanosecond of any unit.
func scaleDecimal(intDigits, fracDigits string, unit uint64) (uint64, bool) {
	var v uint64
	for i := 0; i < len(intDigits); i++ {
		hi, lo := bits.Mul64(v, 10)
		v = lo + uint64(intDigits[i]-'0')
		if hi != 0 || v < lo {
			return 0, false
		}
	}
	hi, v := bits.Mul64(v, unit)
	if hi != 0 || v > math.MaxInt64 {
		return 0, false
	}
	var f, scale uint64 = 0, 1
	for i := 0; i < len(fracDigits) && scale < 1e18; i++ {
		f, scale = f*10+uint64(fracDigits[i]-'0'), scale*10
	}
	// f/scale < 1, so f×unit/scale < unit and Div64 cannot overflow.
	fh, fl := bits.Mul64(f, unit)
	q, _ := bits.Div64(fh, fl, scale)
	v += q
	return v, v <= math.MaxInt64
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func durationUnit(u string) (uint64, bool) {
	switch u {
	case "d":
		return uint64(24 * time.Hour), true
	case "h":
		return uint64(time.Hour), true
	case "m":
		return uint64(time.Minute), true
	case "s":
		return uint64(time.Second), true
	case "ms":
		return uint64(time.Millisecond), true
	case "us", "µs", "μs":
		return uint64(time.Microsecond), true
	case "ns":
		return uint64(time.Nanosecond), true
	}
	return 0, false
}

// unitFix writes number with a spelt-out or capitalised unit (10 minutes,
// 5 sec, 2H, 1 week) in the units a duration takes (10m, 5s, 2h, 7d), or ""
// when u means nothing it knows.
func unitFix(number, u string) string {
	if short := unitWord(u); short != "" {
		return number + short
	}
	if w := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(u)), "s"); w == "week" || w == "wk" || w == "w" {
		if x, err := strconv.ParseFloat(number, 64); err == nil && x*7 <= float64(math.MaxInt64/int64(24*time.Hour)) {
			return formatFloat(x*7) + "d"
		}
	}
	return ""
}

// unitWord returns the unit a spelt-out or capitalised unit means (minutes,
// sec, H), or "".
func unitWord(u string) string {
	w := strings.ToLower(strings.TrimSpace(u))
	if _, ok := durationUnit(w); ok {
		return w
	}
	switch strings.TrimSuffix(w, "s") {
	case "day":
		return "d"
	case "hour", "hr":
		return "h"
	case "minute", "min":
		return "m"
	case "second", "sec":
		return "s"
	case "millisecond", "msec", "milli":
		return "ms"
	}
	return ""
}

// isNumber reports whether s is a plain decimal number: an optional sign,
// digits with an optional fraction, and an optional exponent. It refuses
// the spellings strconv also takes (Inf, NaN, hex, underscores).
func isNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" || !allDigits(intPart) || !allDigits(frac) {
		return false
	}
	if hasExp {
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		return exp != "" && allDigits(exp)
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// parseFloat parses a finite decimal number. Underscores between digits
// (50_000) are allowed.
func parseFloat(s string) (float64, error) {
	t := strings.ReplaceAll(s, "_", "")
	if !isNumber(t) || strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") {
		return 0, fmt.Errorf("want a number, got %q", s)
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(x, 0) {
		return 0, fmt.Errorf("number %s is out of range", s)
	}
	return x, nil
}

// wholeNumber reports whether s is an optionally signed run of digits, with
// underscores allowed between digits, and returns it without them.
func wholeNumber(s string) (string, bool) {
	if strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") {
		return "", false
	}
	t := strings.ReplaceAll(s, "_", "")
	body := t
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	return t, body != "" && allDigits(body)
}

// parseInt parses a whole decimal number.
func parseInt(s string, bitSize int) (int64, error) {
	t, ok := wholeNumber(s)
	if !ok {
		return 0, fmt.Errorf("want a whole number, got %q", s)
	}
	x, err := strconv.ParseInt(t, 10, bitSize)
	if err != nil {
		return 0, fmt.Errorf("number %s is out of range", s)
	}
	return x, nil
}

// parseUint parses a whole non-negative decimal number.
func parseUint(s string) (uint64, error) {
	t, ok := wholeNumber(s)
	if !ok || t[0] == '-' {
		return 0, fmt.Errorf("want a whole number from 0 to %d, got %q", uint64(math.MaxUint64), s)
	}
	x, err := strconv.ParseUint(strings.TrimPrefix(t, "+"), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("number %s is out of range (at most %d)", s, uint64(math.MaxUint64))
	}
	return x, nil
}

// formatFloat writes x in the shortest form that parses back to x exactly.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// parsePower parses a power with its unit, 1210mW or 1.21W, into watts. A
// bare 0 is zero.
func parsePower(s string) (float64, error) {
	if s == "0" {
		return 0, nil
	}
	i := len(s)
	for i > 0 && !isDigit(s[i-1]) && s[i-1] != '.' {
		i--
	}
	num, unit := s[:i], s[i:]
	if !isNumber(num) {
		return 0, fmt.Errorf("want a power like 250mW or 1.21W, got %q", s)
	}
	switch unit {
	case "W":
	case "mW":
		// Shift the decimal exponent rather than divide, so that 1210mW and
		// 1.21W are the same float64.
		mant, exp, _ := strings.Cut(strings.ToLower(num), "e")
		e := 0
		if exp != "" {
			var err error
			if e, err = strconv.Atoi(exp); err != nil {
				return 0, fmt.Errorf("power %q is out of range", s)
			}
		}
		num = mant + "e" + strconv.Itoa(e-3)
	case "":
		return 0, fmt.Errorf("missing unit in power %q (e.g. %smW; units: mW, W)", s, num)
	default:
		return 0, fmt.Errorf("unknown unit %q in power %q (units: mW, W)", unit, s)
	}
	w, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(w, 0) {
		return 0, fmt.Errorf("power %q is out of range", s)
	}
	return w, nil
}

// formatPower writes w (watts) exactly, in milliwatts when that needs no
// exponent (1210mW, 403mW, 0.5mW), else in watts.
func formatPower(w float64) string {
	if w == 0 {
		return "0W"
	}
	sign := ""
	if w < 0 {
		sign, w = "-", -w
	}
	// The shortest digits that identify w, and the exponent of the first.
	e := strconv.FormatFloat(w, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	x += 3 // milliwatts
	var mw string
	switch n := len(digits); {
	case x >= n-1:
		mw = digits + strings.Repeat("0", x-(n-1))
	case x >= 0:
		mw = digits[:x+1] + "." + digits[x+1:]
	default:
		mw = "0." + strings.Repeat("0", -x-1) + digits
	}
	if len(mw) <= 12 {
		return sign + mw + "mW"
	}
	return sign + formatFloat(w) + "W"
}

// parseMultiple parses a multiple of the interval such as 1.5x.
func parseMultiple(s string) (float64, bool) {
	num, ok := strings.CutSuffix(s, "x")
	if !ok || !isNumber(num) {
		return 0, false
	}
	m, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(m, 0) {
		return 0, false
	}
	return m, true
}

func formatMultiple(m float64) string { return formatFloat(m) + "x" }
