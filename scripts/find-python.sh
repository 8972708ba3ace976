#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 (Django 6.1 refuses older ones), or explains and fails.
# Order: $PYTHON, python3.13/python3.12/python3 on PATH, then pyenv's installed versions.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.13 python3.12 python3; do
  path=$(command -v "$name" 2>/dev/null) && candidates+=("$path")
done
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | sort -rV); do
    candidates+=("$(pyenv root)/versions/$version/bin/python")
  done
fi
for candidate in "${candidates[@]}"; do
  if ok "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done
echo "No Python 3.12 or newer found. Install one (e.g. 'pyenv install 3.13') or set PYTHON=/path/to/python3.12." >&2
exit 1
