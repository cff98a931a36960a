# The two commands a newcomer needs (README.md):
#   make serve   install what is missing, build, serve on http://127.0.0.1:8080
#   make test    install what is missing, run every check and test
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve test release size lighthouse

serve:
	@scripts/setup.sh build
	@echo "== 职称申报演练: http://127.0.0.1:8080/"
	trunk serve --release

test:
	@scripts/test.sh

release:
	@scripts/setup.sh build
	trunk build --release

size:
	node scripts/size-report.mjs dist

# Lighthouse (mobile) on the release build, served locally with brotli; fails below 95.
lighthouse:
	@scripts/setup.sh test
	trunk build --release
	node scripts/lighthouse.mjs
