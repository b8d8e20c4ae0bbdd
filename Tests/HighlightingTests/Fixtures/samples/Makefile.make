# Builds and tests.
PREFIX ?= /usr/local
SOURCES := $(wildcard Sources/**/*.swift)

.PHONY: all test install

all: .build/release/sitegen

.build/release/sitegen: $(SOURCES) Package.swift
	swift build -c release

test:
	swift test --disable-xctest

install: all
	install -m 755 .build/release/sitegen $(DESTDIR)$(PREFIX)/bin/
	@echo "installed in $(PREFIX)"
