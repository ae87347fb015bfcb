"""Entry point of ``python -m model``; see :mod:`model.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
