module sitegen/go-oracle/escape

go 1.19
