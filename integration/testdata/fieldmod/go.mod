module fieldmod

go 1.22
