package addrval_test

import (
	"fmt"

	"github.com/portlint/portlint/internal/addrval"
)

// An address built as "localhost:" + port, where port is a parameter
// whose only caller passes "8080".
func Example() {
	type param string // hole names only need to be comparable
	addr := addrval.Concat(addrval.Known("localhost:", 10), addrval.Named(param("port"), 20))

	alts := addrval.SplitAll(addr, "")
	fmt.Printf("%+v\n", addrval.Classify(alts))

	alts = addrval.SplitAll(addrval.Substitute(addr, param("port"), addrval.Known("8080", 30)), "")
	f := addrval.Classify(alts)
	ports, hosts := addrval.Distinct(alts, f)
	fmt.Printf("%+v %s %s, port written at %d\n", f, ports, hosts, alts[0].Port.Pos)

	allow, _ := addrval.ParseAllow([]string{"localhost:*"})
	fmt.Println(allow.Allows(alts))
	// Output:
	// {Port:false Loopback:true}
	// {Port:true Loopback:true} 8080 "localhost", port written at 30
	// true
}
