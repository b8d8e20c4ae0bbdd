module sitegen/go-oracle/time

go 1.19
