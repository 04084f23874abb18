package reports

import (
	"slices"
	"testing"
)

// TestRunsAtColumnOnlyWhenClamped: the table has a "runs at" column when
// the platform clamps some interval (filled on the clamped rows only), and
// none when it clamps nothing.
func TestRunsAtColumnOnlyWhenClamped(t *testing.T) {
	in := fixture(t, true, fixtureReqs...)
	res := in.Result
	head, right, rows := sweepTable(res)
	at := slices.Index(head, "runs at")
	if at < 0 {
		t.Fatalf("clamped sweep: no \"runs at\" column in %q", head)
	}
	for i, r := range rows {
		p := &res.Points[i]
		want := ""
		if p.EffectiveIntervalS != p.IntervalS {
			want = ivl(p.EffectiveIntervalS)
		}
		if r[at] != want {
			t.Errorf("clamped sweep, %s: runs at %q, want %q", ivl(p.IntervalS), r[at], want)
		}
	}

	unclamped := *res
	unclamped.Points = slices.Clone(res.Points)
	for i := range unclamped.Points {
		unclamped.Points[i].EffectiveIntervalS = unclamped.Points[i].IntervalS
	}
	head2, right2, rows2 := sweepTable(&unclamped)
	if slices.Contains(head2, "runs at") {
		t.Fatalf("nothing clamped: a \"runs at\" column in %q", head2)
	}
	if len(head2) != len(head)-1 || len(right2) != len(right)-1 {
		t.Fatalf("nothing clamped: %d columns (%d alignments), want %d", len(head2), len(right2), len(head)-1)
	}
	for i, r := range rows2 {
		if len(r) != len(head2) {
			t.Errorf("row %d: %d cells for %d columns", i, len(r), len(head2))
		}
		if r[0] != rows[i][0] || r[1] != rows[i][2] {
			t.Errorf("row %d: %q, want the clamped table's row without its second cell", i, r[:2])
		}
	}
}
