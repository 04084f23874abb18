package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimelineFormatByExtension: -o x.svg writes an SVG document (XML whose
// root is <svg>, sized in pixels as asked), -o x.png a PNG that decodes, in
// either case of the extension.
func TestTimelineFormatByExtension(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.svg", "b.SVG", "c.png", "d.PNG"} {
		file := filepath.Join(dir, name)
		code, _, errs := pingtune(t, "timeline", "ios6-voip-lte", "-to", "2h", "-size", "1200x700", "-o", file)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if strings.EqualFold(filepath.Ext(name), ".png") {
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: not a PNG: %v", name, err)
			}
			if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 700 {
				t.Errorf("%s: %dx%d, want 1200x700", name, b.Dx(), b.Dy())
			}
			continue
		}
		root, texts := svgRoot(t, name, data)
		if root.Name.Local != "svg" {
			t.Fatalf("%s: root element <%s>, want <svg>", name, root.Name.Local)
		}
		attr := map[string]string{}
		for _, a := range root.Attr {
			attr[a.Name.Local] = a.Value
		}
		if attr["width"] != "1200px" || attr["height"] != "700px" {
			t.Errorf("%s: <svg width=%q height=%q>, want 1200px × 700px", name, attr["width"], attr["height"])
		}
		// The same picture as the PNG: its title names the scenario.
		if !strings.Contains(texts, "ios6-voip-lte") {
			t.Errorf("%s: no text names the scenario", name)
		}
	}
}

// svgRoot parses data as XML to its end and returns the root element and
// all the character data.
func svgRoot(t *testing.T, name string, data []byte) (xml.StartElement, string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var root xml.StartElement
	var texts strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				break
			}
			t.Fatalf("%s: not XML: %v", name, err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if root.Name.Local == "" {
				root = v.Copy()
			}
		case xml.CharData:
			texts.Write(v)
		}
	}
	return root, texts.String()
}

// TestTimelineRefusesOtherExtensions: any other extension is refused with
// exit 2 before any work (before the scenario is even looked up) and
// leaves no file.
func TestTimelineRefusesOtherExtensions(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"x.jpg", "x.pdf", "x", "x.png.txt"} {
		file := filepath.Join(dir, name)
		code, _, errs := pingtune(t, "timeline", "no-such-scenario", "-o", file)
		if code != exitUsage {
			t.Errorf("%s: exit %d, want %d: %s", name, code, exitUsage, errs)
		}
		if !strings.Contains(errs, ".png or .svg") || strings.Contains(errs, "no-such-scenario") {
			t.Errorf("%s: %q: want the extension refused before the scenario is read", name, errs)
		}
		if _, err := os.Stat(file); !os.IsNotExist(err) {
			t.Errorf("%s: a file was written", name)
		}
	}
}
