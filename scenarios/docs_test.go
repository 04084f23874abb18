package scenarios

import (
	"os"
	"path/filepath"
	"pingtune/internal/golden"
	"regexp"
	"strings"
	"testing"
)

// docsDir is the repository's docs/, which ships the pages users are sent to.
var docsDir = filepath.Join("..", "docs")

// TestDocs keeps docs/scenario.md's field reference and the shipped schema
// docs/pingtune-scenario.schema.json equal to what the field table gives
// (-update rewrites them).
func TestDocs(t *testing.T) {
	page := filepath.Join(docsDir, "scenario.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for name, body := range map[string]string{"fields": FieldReference(), "distributions": DistributionReference()} {
		begin, end := "<!-- begin generated: "+name+" -->\n", "<!-- end generated: "+name+" -->"
		i, j := strings.Index(text, begin), strings.Index(text, end)
		if i < 0 || j < i {
			t.Fatalf("%s has no %s...%s", page, begin, end)
		}
		text = text[:i+len(begin)] + body + text[j:]
	}
	writeOrCompare(t, page, string(data), text)

	schema := filepath.Join(docsDir, SchemaFile)
	old, _ := os.ReadFile(schema)
	writeOrCompare(t, schema, string(old), string(Schema()))
}

func writeOrCompare(t *testing.T, path, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with scenarios/fields.go: go test ./scenarios -run TestDocs -update", path)
}

// TestDocsCoverEveryField: docs/scenario.md names every field the table
// has (in the generated reference, and the ones the issue found missing in
// its prose too), and docs/sources.md every preset and preset field.
func TestDocsCoverEveryField(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(docsDir, "scenario.md"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, l := range walkFields() {
		if strings.HasPrefix(l.path, "sweep.require.") && (strings.HasSuffix(l.path, ".max") || strings.HasSuffix(l.path, ".min")) {
			continue // {max: v} and {min: v}, said once for all metrics
		}
		p := strings.ReplaceAll(l.path, "[0]", "[]")
		if !strings.Contains(page, "`"+p+"`") {
			t.Errorf("scenario.md does not name `%s`", p)
		}
	}
	prose, _, _ := strings.Cut(page, "## fieldSpec reference")
	for _, w := range []string{"foreground_interval", "relaunch_after_kill", "max_events", "`description`", "small_packets",
		"paging_cycle", "allow_self_breaks", "`none`", "`overwrite`", "36500d", "100 years", "yaml-language-server: $schema=",
		"exp:", "uniform:", "lognormal:", "weibull:", "normal:", "empirical:"} {
		if !strings.Contains(prose, w) {
			t.Errorf("scenario.md's prose does not explain %s", w)
		}
	}

	data, err = os.ReadFile(filepath.Join(docsDir, "sources.md"))
	if err != nil {
		t.Fatal(err)
	}
	sources := string(data)
	var want []string
	want = append(want, PlatformPresets()...)
	want = append(want, RadioPresets()...)
	for _, f := range append(append([]fieldSpec{}, platformFieldTable...), radioFieldTable...) {
		if f.Name != "preset" && f.Name != "name" && f.Name != "tail" && f.Name != "always_awake" && f.Name != "keepalive" {
			want = append(want, f.Name)
		}
	}
	want = append(want, "battery_mah", "voltage", "cpu_power", "FACH", "Huang", "Haverinen", "Qian", "QA1938")
	for _, w := range want {
		if !strings.Contains(sources, w) {
			t.Errorf("sources.md does not mention %s", w)
		}
	}
}

// TestNoUnshippedReferences: what users read (the README, docs/, the
// built-ins that `pingtune scenarios NAME` prints, the CLI's help) sends
// them to no document outside the repository: no FACTS.md, no SPEC
// sections.
func TestNoUnshippedReferences(t *testing.T) {
	bad := regexp.MustCompile(`FACTS\.md|SPEC|\bsection [0-9]|/work/shared`)
	files, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
	builtins, _ := filepath.Glob(filepath.Join("builtin", "*.yaml"))
	files = append(files, builtins...)
	files = append(files, filepath.Join("..", "README.md"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if bad.MatchString(line) {
				t.Errorf("%s:%d: refers to a document users do not have: %s", f, i+1, line)
			}
		}
	}
}
