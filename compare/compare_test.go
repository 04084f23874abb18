package compare

import (
	"testing"

	"pingtune/internal/testcfg"
	"pingtune/stats"
)

// Every metric compare pairs has per-replication values, under its key.
func TestEveryKeyHasAColumn(t *testing.T) {
	cfg := testcfg.Classic()
	have := map[string]bool{}
	for _, c := range stats.Columns(&cfg, nil) {
		have[c.Key] = true
	}
	for _, d := range Keys() {
		if !have[d.Key] {
			t.Errorf("%s: no per-replication column", d.Key)
		}
	}
}
