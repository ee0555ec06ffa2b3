package analyzer

import (
	_ "embed"
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// The analyzer's Doc is a section of the package comment, so that go doc
// and -help say the same thing and the text is written once.

//go:embed doc.go
var docFile string

var doc = func() string {
	doc, err := docSection(docFile, "portlint")
	if err != nil {
		panic("portlint: doc.go: " + err.Error())
	}
	return doc
}()

// docSection returns the "# Analyzer name" section of the package comment
// of src, up to the next heading, as analysis.Analyzer.Doc wants it: the
// section's "name: summary" loses its "name: ".
func docSection(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package comment")
	}
	heading := "# Analyzer " + name
	_, section, ok := strings.Cut("\n"+f.Doc.Text(), "\n"+heading+"\n")
	if !ok {
		return "", fmt.Errorf("no %q heading", heading)
	}
	section, _, _ = strings.Cut(section, "\n# ")
	doc, ok := strings.CutPrefix(strings.TrimSpace(section), name+": ")
	if !ok {
		return "", fmt.Errorf("section %q does not start with %q", heading, name+": ")
	}
	return doc, nil
}
