package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes: it must return an error made of
// *Error values, or a valid scenario that Marshal writes and Parse reads back
// unchanged. Seeds: the built-ins, the bad cases and the variants.
func FuzzParse(f *testing.F) {
	for _, name := range Builtins() {
		data, _ := BuiltinYAML(name)
		f.Add(data)
	}
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, file := range bad {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, v := range variants {
		f.Add([]byte(v.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err != nil {
			if s != nil {
				t.Fatalf("both a scenario and an error: %v", err)
			}
			for _, e := range flatten(err) {
				var se *Error
				if !errors.As(e, &se) {
					t.Fatalf("%T is not an *Error: %v", e, e)
				}
			}
			return
		}
		if err := s.Config.Validate(); err != nil {
			t.Fatalf("Parse accepted an invalid config: %v", err)
		}
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := Parse("fuzz.yaml", out)
		if err != nil {
			t.Fatalf("Parse(Marshal(s)): %v\n%s", err, out)
		}
		if !reflect.DeepEqual(back.Config, s.Config) || !reflect.DeepEqual(back.Sweep, s.Sweep) || back.Description != s.Description {
			t.Fatalf("round trip changed the scenario:\n got %+v %+v\nwant %+v %+v\n%s", back.Config, back.Sweep, s.Config, s.Sweep, out)
		}
	})
}
