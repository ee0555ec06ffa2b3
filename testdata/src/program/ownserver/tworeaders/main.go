// Command tworeaders starts two servers from one method: the one it
// serves is the primary, the one in a goroutine a secondary.
package main

import "net/http"

type app struct{ web, admin string }

func (a *app) run() error {
	go http.ListenAndServe(a.admin, nil)
	return http.ListenAndServe(a.web, nil)
}

func main() {
	a := &app{web: ":8080", admin: ":9090"} // want `tworeaders\.app\.web listens on hard-coded port 8080: read the port from \$PORT` `tworeaders\.app\.admin listens on hard-coded port 9090: the platform routes only \$PORT, to the primary server tworeaders\.app\.web`
	println(a.run().Error())
}
