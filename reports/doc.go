// Package reports turns summarised results (package stats) into what users
// read: the text summary of `run`, and the JSON, CSV, Markdown, HTML and PNG
// outputs of `sweep`. It reads only result types; it never runs the
// simulator. Start with WriteSummary for `run`.
package reports
