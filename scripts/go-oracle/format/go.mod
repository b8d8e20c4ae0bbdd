module sitegen/go-oracle/format

go 1.19
