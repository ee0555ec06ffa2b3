// Command clienturl listens on the host of a URL it is configured with,
// and builds other URLs of the same type for its clients: those are no
// servers, whatever their hosts.
package main

import (
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
)

func serve(u *url.URL, h http.Handler) {
	l, err := net.Listen("tcp", u.Host)
	if err != nil {
		panic(err)
	}
	http.Serve(l, h)
}

func main() {
	req, _ := http.NewRequest("GET", "/", nil)
	req.URL = &url.URL{Scheme: "http", Host: "backend:8080"}
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: "backend:8081"})
	u, _ := url.Parse(os.Getenv("LISTEN_URL"))
	serve(u, proxy)
}
