package analyzer

import (
	"strings"
	"testing"
)

func TestDoc(t *testing.T) {
	const summary = "report servers that listen on a hard-coded port or on localhost"
	if !strings.HasPrefix(doc, summary+"\n\n") {
		t.Errorf("Doc does not start with the summary paragraph %q:\n%s", summary, doc)
	}
	for line := range strings.SplitSeq(doc, "\n") {
		if strings.HasPrefix(line, "//") {
			t.Errorf("Doc keeps a comment marker: %q", line)
		}
	}
	if strings.Contains(doc, "\n# ") || strings.Contains(doc, "package analyzer") {
		t.Errorf("Doc runs past its section:\n%s", doc)
	}
}

func TestDocSection(t *testing.T) {
	for _, tc := range []struct {
		name, src, want, err string
	}{
		{name: "first section", src: "// # Analyzer a\n//\n// a: does A\n//\n// More on A.\n//\n// # Analyzer b\n//\n// b: does B\npackage p\n",
			want: "does A\n\nMore on A."},
		{name: "last section", src: "// Package p.\n//\n// # Analyzer a\n//\n// a: does A\n//\n//\tcode // with a comment\npackage p\n",
			want: "does A\n\n\tcode // with a comment"},
		{name: "block comment", src: "/*\n# Analyzer a\n\na: does A\n*/\npackage p\n", want: "does A"},
		{name: "no comment", src: "package p\n", err: "no package comment"},
		{name: "other analyzer", src: "// # Analyzer b\n//\n// b: does B\npackage p\n", err: `no "# Analyzer a" heading`},
		{name: "heading in text", src: "// See # Analyzer a\n//\n// a: does A\npackage p\n", err: `no "# Analyzer a" heading`},
		{name: "no summary", src: "// # Analyzer a\n//\n// Does A.\npackage p\n", err: `does not start with "a: "`},
	} {
		got, err := docSection(tc.src, "a")
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}
