package twofiles

func init() { addr = ":9090" }
