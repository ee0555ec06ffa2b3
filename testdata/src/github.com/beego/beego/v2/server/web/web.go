// Package web is a stub of github.com/beego/beego/v2/server/web v2.3.8: the
// Run functions and HttpServer.Run with their real parameter lists.
package web

import "net/http"

// MiddleWare wraps the server's handler.
type MiddleWare func(http.Handler) http.Handler

// HttpServer is a beego server.
type HttpServer struct{}

// BeeApp is the default server.
var BeeApp *HttpServer

func NewHttpSever() *HttpServer { return &HttpServer{} }

func Run(params ...string)                              {}
func RunWithMiddleWares(addr string, mws ...MiddleWare) {}

func (app *HttpServer) Run(addr string, mws ...MiddleWare) {}
