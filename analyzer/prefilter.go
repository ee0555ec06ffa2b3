package analyzer

import "go/ast"

// mentionsSites reports whether any file of a package that can listen (or
// read the environment) names what a site needs: a listen, implicit or
// sink function, another package's function that starts a server, a
// server's or a sink's address field, or (readsEnv) an environment
// reader. It walks the syntax once without allocating, so
// that the many packages that import net/http only to serve or call
// (every handler package) skip the inspector and the pass.
func mentionsSites(files []*ast.File, rules *ruleSet, sinks *sinkState, readsEnv bool) bool {
	found := false
	field := func(name string) bool {
		return rules.fieldNames[name] || sinks != nil && sinks.fieldNames[name]
	}
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			name := calledName(n)
			found = rules.names[name] || readsEnv && rules.envNames[name] ||
				sinks != nil && (sinks.funcNames[name] || sinks.serverNames[name])
		case *ast.KeyValueExpr:
			id, ok := n.Key.(*ast.Ident)
			found = ok && field(id.Name)
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && field(sel.Sel.Name) {
					found = true
				}
			}
		}
		return !found
	}
	for _, f := range files {
		ast.Inspect(f, visit)
		if found {
			return true
		}
	}
	return false
}
