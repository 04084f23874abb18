package calibrate

import (
	"errors"
	"strings"
	"testing"
)

// ReadCSV either returns at least MinPoints distinct positive measurements in
// increasing interval order, or errors that each name the file.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{haverinen, "", "interval,extra_ma\n", "extra_ma,interval\n1,20s\n2,40s\n3,1m\n",
		"interval,extra_ma\n20s,1\n20s,2\n30s,3\n", "interval,extra_ma\n\"20s\",1e1\n# c\n40s,2\n1h,0.1\n", "a\"b,c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pts, err := ReadCSV("m.csv", strings.NewReader(s))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "m.csv") {
				t.Fatalf("error without the file name: %v", err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not a *calibrate.Error: %v", err, err)
			}
			return
		}
		if len(pts) < MinPoints {
			t.Fatalf("%d points accepted", len(pts))
		}
		for i, p := range pts {
			if !(p.ExtraMA > 0) || p.Interval <= 0 {
				t.Fatalf("point %+v accepted", p)
			}
			if i > 0 && p.Interval <= pts[i-1].Interval {
				t.Fatalf("points out of order or repeated: %v then %v", pts[i-1].Interval, p.Interval)
			}
		}
	})
}

// Columns may come in either order; comments and blank lines are skipped.
func TestReadCSVColumnsAndComments(t *testing.T) {
	pts, err := ReadCSV("m.csv", strings.NewReader("# measured on a bench\nextra_ma, interval\n\n9.9,150s\n27.9,20s\n# mid\n17.9,40s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 3 || pts[0].ExtraMA != 27.9 || pts[0].Line != 5 || pts[2].Interval.Seconds() != 150 {
		t.Errorf("got %+v", pts)
	}
}
