module example.com/precommitmod

go 1.22
