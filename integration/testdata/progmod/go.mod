module progmod

go 1.22
