package reports

import (
	"encoding/base64"
	"fmt"
	"html"
	"strings"
)

// document is the sweep report as blocks, rendered once as Markdown and once
// as self-contained HTML so that both say exactly the same thing. Text may
// hold `code` spans; nothing else is interpreted.
type document struct {
	title  string
	blocks []block
}

type block interface{ isBlock() }

type (
	heading struct{ text string }
	para    struct{ text string }
	bullets struct{ items []string }
	table   struct {
		head  []string
		right []bool // right-align column i
		rows  [][]string
	}
	figure struct {
		file, alt, caption string
		png                []byte
	}
	codeBlock struct{ lang, text string }
)

func (heading) isBlock()   {}
func (para) isBlock()      {}
func (bullets) isBlock()   {}
func (table) isBlock()     {}
func (figure) isBlock()    {}
func (codeBlock) isBlock() {}

func (d *document) add(b ...block) { d.blocks = append(d.blocks, b...) }

// markdown renders d as GitHub-flavoured Markdown; figures link to the PNG
// files written beside it.
func (d *document) markdown() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", d.title)
	for _, bl := range d.blocks {
		b.WriteString("\n")
		switch x := bl.(type) {
		case heading:
			fmt.Fprintf(&b, "## %s\n", x.text)
		case para:
			fmt.Fprintf(&b, "%s\n", x.text)
		case bullets:
			for _, it := range x.items {
				fmt.Fprintf(&b, "- %s\n", it)
			}
		case table:
			row := func(cells []string) {
				b.WriteString("|")
				for _, c := range cells {
					fmt.Fprintf(&b, " %s |", strings.ReplaceAll(c, "|", `\|`))
				}
				b.WriteString("\n")
			}
			row(x.head)
			b.WriteString("|")
			for i := range x.head {
				if i < len(x.right) && x.right[i] {
					b.WriteString("---:|")
				} else {
					b.WriteString("---|")
				}
			}
			b.WriteString("\n")
			for _, r := range x.rows {
				row(r)
			}
		case figure:
			fmt.Fprintf(&b, "![%s](%s)\n\n%s\n", x.alt, x.file, x.caption)
		case codeBlock:
			fmt.Fprintf(&b, "```%s\n%s\n```\n", x.lang, strings.TrimRight(x.text, "\n"))
		}
	}
	return []byte(b.String())
}

// html renders d as one self-contained page: styles inline, images as data URIs.
func (d *document) html() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(d.title))
	b.WriteString(`<style>
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:1500px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.85em;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ccc;padding:.25em .5em}th{background:#f3f3f3;vertical-align:bottom}td{white-space:nowrap}td.r{text-align:right}
p code,li code{overflow-wrap:anywhere}
tr.rec td{background:#e6f4e6;font-weight:600}
code,pre{font-family:Menlo,Consolas,monospace;font-size:.9em}pre{background:#f6f6f6;padding:1em;overflow:auto}
figure{margin:1.5em 0}img{max-width:100%;border:1px solid #eee}figcaption{color:#555;font-size:.9em}
</style>
</head>
<body>
`)
	fmt.Fprintf(&b, "<h1>%s</h1>\n", inlineHTML(d.title))
	for _, bl := range d.blocks {
		switch x := bl.(type) {
		case heading:
			fmt.Fprintf(&b, "<h2>%s</h2>\n", inlineHTML(x.text))
		case para:
			fmt.Fprintf(&b, "<p>%s</p>\n", inlineHTML(x.text))
		case bullets:
			b.WriteString("<ul>\n")
			for _, it := range x.items {
				fmt.Fprintf(&b, "<li>%s</li>\n", inlineHTML(it))
			}
			b.WriteString("</ul>\n")
		case table:
			// The table scrolls inside its own box; its cells never wrap.
			b.WriteString("<div class=\"scroll\"><table>\n<tr>")
			for _, h := range x.head {
				fmt.Fprintf(&b, "<th>%s</th>", inlineHTML(h))
			}
			b.WriteString("</tr>\n")
			for _, r := range x.rows {
				if len(r) > 0 && strings.Contains(r[len(r)-1], "recommended") {
					b.WriteString(`<tr class="rec">`)
				} else {
					b.WriteString("<tr>")
				}
				for i, c := range r {
					if i < len(x.right) && x.right[i] {
						fmt.Fprintf(&b, `<td class="r">%s</td>`, inlineHTML(c))
					} else {
						fmt.Fprintf(&b, "<td>%s</td>", inlineHTML(c))
					}
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table></div>\n")
		case figure:
			fmt.Fprintf(&b, "<figure><img alt=\"%s\" src=\"data:image/png;base64,%s\"><figcaption>%s</figcaption></figure>\n",
				html.EscapeString(x.alt), base64.StdEncoding.EncodeToString(x.png), inlineHTML(x.caption))
		case codeBlock:
			fmt.Fprintf(&b, "<pre><code>%s</code></pre>\n", html.EscapeString(strings.TrimRight(x.text, "\n")))
		}
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// inlineHTML escapes s and turns `code` spans and **bold** into tags.
func inlineHTML(s string) string {
	var b strings.Builder
	for i, part := range strings.Split(s, "`") {
		if i%2 == 1 {
			fmt.Fprintf(&b, "<code>%s</code>", html.EscapeString(part))
			continue
		}
		for j, q := range strings.Split(part, "**") {
			if j%2 == 1 {
				fmt.Fprintf(&b, "<strong>%s</strong>", html.EscapeString(q))
			} else {
				b.WriteString(html.EscapeString(q))
			}
		}
	}
	return b.String()
}
