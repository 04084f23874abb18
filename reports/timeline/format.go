package timeline

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the file format of a timeline picture.
type Format string

// The formats a timeline is drawn in.
const (
	FormatPNG Format = "png"
	FormatSVG Format = "svg"
)

// FormatOf is the format a file name asks for by its extension (.png or
// .svg, in any case); any other extension is an error naming the ones
// there are.
func FormatOf(name string) (Format, error) {
	ext := filepath.Ext(name)
	switch strings.ToLower(ext) {
	case ".png":
		return FormatPNG, nil
	case ".svg":
		return FormatSVG, nil
	case "":
		return "", fmt.Errorf("%q has no extension: name a .png or .svg file", name)
	}
	return "", fmt.Errorf("%q: cannot draw a %s file; name a .png or .svg file", name, ext)
}
