package durfmt

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00:00"}, {10 * time.Minute, "0:10:00"}, {26*time.Hour + 3*time.Minute + 7*time.Second, "26:03:07"},
		{1829606 * time.Millisecond, "0:30:29.6"}, {1829960 * time.Millisecond, "0:30:30"},
	} {
		if got := Clock(c.d); got != c.want {
			t.Errorf("%v: got %s, want %s", c.d, got, c.want)
		}
	}
}
