package scenarios

import "bytes"

// SchemaFile is the file name the templates' yaml-language-server line
// points at, beside the scenario: `pingtune schema > pingtune-scenario.schema.json`.
const SchemaFile = "pingtune-scenario.schema.json"

// Template returns a built-in scenario's text as a file to copy and edit:
// a header that says how to use it (the schema line editors read, how to
// validate it, where every field is explained), then the built-in as
// written, with its comments. It parses to the same scenario as the
// built-in.
func Template(name string, src []byte) []byte {
	var b bytes.Buffer
	b.WriteString("# yaml-language-server: $schema=" + SchemaFile + "\n")
	b.WriteString("#\n")
	b.WriteString("# pingtune's built-in scenario " + name + ", as a file to edit into your own:\n")
	b.WriteString("#   pingtune scenarios " + name + " > my-app.yaml\n")
	b.WriteString("#   pingtune schema > " + SchemaFile + "  # lets an editor complete and check fields\n")
	b.WriteString("#   pingtune validate my-app.yaml  # with -resolved, prints every default and preset value\n")
	b.WriteString("#   pingtune run my-app.yaml\n")
	b.WriteString("# Fields left out take their defaults. docs/scenario.md in the pingtune repository\n")
	b.WriteString("# explains every field; docs/sources.md gives the source of each preset value.\n")
	b.WriteString("\n")
	b.Write(src)
	return b.Bytes()
}
