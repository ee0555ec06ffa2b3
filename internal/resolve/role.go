package resolve

import (
	"go/types"
)

// Role is what a replaced expression stands for.
type Role uint8

const (
	RoleNone      Role = iota
	RoleAddress        // a whole address (a parameter's role)
	RolePort           // the port text: "8080"
	RoleColonPort      // ":" + port: ":8080"
	RoleHost           // the host inside a host:port string
	RoleHostBare       // the host argument of net.JoinHostPort
	RolePortInt        // an int port, as in net.TCPAddr.Port
)

func IsBasic(t types.Type, info types.BasicInfo) bool {
	if t == nil {
		return false
	}
	b, ok := types.Unalias(t).(*types.Basic) // named string types are left alone
	return ok && b.Info()&info != 0
}
