// Package sariftest validates SARIF logs against the official SARIF 2.1.0
// JSON schema (testdata/README.md names its source), offline. It is for
// tests: only they import it.
package sariftest

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed testdata/sarif-schema-2.1.0.json
var schemaJSON []byte

// SchemaID is the schema's id, the URI SARIF logs name in "$schema".
const SchemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	// The schema's own meta-schema (draft-04) is built into the
	// library; anything else it would load is an error, never a fetch.
	c.UseLoader(offline{})
	// Check "format" too (uri, uri-reference, date-time): artifact
	// URIs must be valid references.
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(SchemaID)
})

type offline struct{}

func (offline) Load(url string) (any, error) {
	return nil, fmt.Errorf("sariftest loads nothing: %s is not bundled", url)
}

// Validate reports whether data is a JSON document valid against the
// SARIF 2.1.0 schema, and why not.
func Validate(data []byte) error {
	schema, err := compiled()
	if err != nil {
		return fmt.Errorf("compiling the SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return schema.Validate(doc)
}
