module example.com/tracebench/gen

go 1.22
