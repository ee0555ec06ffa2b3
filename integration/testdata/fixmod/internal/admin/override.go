package admin

func init() { addr = ":8091" }
