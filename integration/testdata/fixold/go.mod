module example.com/fixold

go 1.21
