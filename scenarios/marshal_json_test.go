package scenarios

import (
	"bytes"
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestNodeJSON(t *testing.T) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("# c\nz: 1\na: {b: 10m, c: [1.5, true, null]}\ns: 'x: y'\nq: '12'\n"), &n); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := nodeJSON(&b, &n); err != nil {
		t.Fatal(err)
	}
	if want := `{"z":1,"a":{"b":"10m","c":[1.5,true,null]},"s":"x: y","q":"12"}`; b.String() != want {
		t.Fatalf("got %s\nwant %s", b.String(), want)
	}
}

// MarshalJSON is Marshal's YAML read back and written as JSON, for every
// built-in: the two outputs of a sweep cannot disagree.
func TestMarshalJSONIsTheYAML(t *testing.T) {
	for _, name := range Builtins() {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(doc, &n); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := nodeJSON(&want, &n); err != nil {
			t.Fatal(err)
		}
		got, err := MarshalJSON(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) || !json.Valid(got) {
			t.Errorf("%s: MarshalJSON\n%s\nthe YAML read back\n%s", name, got, want.Bytes())
		}
	}
}
