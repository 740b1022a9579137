# Shortcuts for the command palette in dev.py (which needs only Python 3.11+).
.PHONY: demo test lint bench serve

demo:
	python3 dev.py demo

test:
	python3 dev.py test

lint:
	python3 dev.py lint

bench:
	python3 dev.py bench

serve:
	python3 dev.py serve
