// Package constants holds the module's addresses in exported variables,
// which no package of the module assigns.
package constants

// GRPCAddr is where cmd/api's gRPC-style listener listens.
var GRPCAddr = ":50051"

// StatusAddr is where package status serves.
var StatusAddr = ":9402"
