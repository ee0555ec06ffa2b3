// Package metrics serves Prometheus-style metrics.
package metrics

import (
	"net"
	"net/http"
	"strconv"
)

var port = 9090

// Serve listens on the metrics port.
func Serve() error {
	host := "127.0.0.1"
	return http.ListenAndServe(net.JoinHostPort(host, strconv.Itoa(port)), http.NotFoundHandler())
}

// ServeUDP is a statsd-style listener.
func ServeUDP() error {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8125})
	if err != nil {
		return err
	}
	return conn.Close()
}
