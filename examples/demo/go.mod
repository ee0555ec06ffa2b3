module example.com/demo

go 1.26.0

tool github.com/portlint/portlint/cmd/portlint

require (
	github.com/portlint/portlint v0.0.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

replace github.com/portlint/portlint => ../..
